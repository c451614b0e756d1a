using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Deals;

public sealed record CreateDealRequest
{
    public required string Title { get; init; }

    /// <summary>The account's default process when absent.</summary>
    public string? ProcessId { get; init; }
    public Money? Value { get; init; }

    /// <summary>The caller when absent.</summary>
    public string? OwnerId { get; init; }
    public IReadOnlyList<string> AttendeeIds { get; init; } = [];

    /// <summary>The first stage when absent.</summary>
    public string? StageId { get; init; }
}

public sealed record DealPatch
{
    public Optional<string> Title { get; init; }
    public Optional<Money> Value { get; init; }
    public Optional<string> OwnerId { get; init; }
    public Optional<IReadOnlyList<string>> AttendeeIds { get; init; }
}

public sealed record MoveStageRequest
{
    public required string StageId { get; init; }
}

public sealed record CompletionRequest
{
    public string? Note { get; init; }
    public IReadOnlyList<string> FileIds { get; init; } = [];
}

public sealed record LoseRequest
{
    public required string Reason { get; init; }
}

/// <summary>The deal list's query string, parsed.</summary>
public sealed record DealQuery(DealFilter Filter, PageRequest Page);
