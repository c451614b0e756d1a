using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Processes;

/// <summary>The whole process as an editor saves it. Stages and steps sent with an id keep it.</summary>
public sealed record ProcessDraft
{
    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary>Makes this the account's process for new deals.</summary>
    public bool IsDefault { get; init; }
    public IReadOnlyList<StageDraft> Stages { get; init; } = [];
}

public sealed record StageDraft
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<StepDraft> Steps { get; init; } = [];
}

public record StepDraft
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public required int Weight { get; init; }
    public bool Obligatory { get; init; }
    public CompletableBy CompletableBy { get; init; } = CompletableBy.Everyone;
    public bool NoteRequired { get; init; }
    public NotifySettings Notify { get; init; } = NotifySettings.Nobody;
    public FollowUpTaskSettings? FollowUpTask { get; init; }
}

/// <summary>Adds a stage at a position (0-based; the end when absent).</summary>
public sealed record AddStageRequest
{
    public required string Name { get; init; }
    public int? Position { get; init; }
    public IReadOnlyList<StepDraft> Steps { get; init; } = [];
}

public sealed record RenameStageRequest
{
    public required string Name { get; init; }
}

/// <summary>Deleting a stage; open deals in it move to <see cref="MoveDealsTo"/>.</summary>
public sealed record DeleteStageOptions(string? MoveDealsTo);

public sealed record StageOrderRequest
{
    public required IReadOnlyList<string> StageIds { get; init; }
}

public sealed record StepOrderRequest
{
    public required IReadOnlyList<string> StepIds { get; init; }
}

/// <summary>Adds a step to a stage at a position (0-based; the end when absent).</summary>
public sealed record AddStepRequest : StepDraft
{
    public int? Position { get; init; }
}

/// <summary>Changes only the fields present; another <see cref="StageId"/> moves the step.</summary>
public sealed record StepPatch
{
    public Optional<string> Name { get; init; }
    public Optional<int> Weight { get; init; }
    public Optional<bool> Obligatory { get; init; }
    public Optional<CompletableBy> CompletableBy { get; init; }
    public Optional<bool> NoteRequired { get; init; }
    public Optional<NotifySettings> Notify { get; init; }
    public Optional<FollowUpTaskSettings> FollowUpTask { get; init; }
    public Optional<string> StageId { get; init; }
    public Optional<int> Position { get; init; }
}
