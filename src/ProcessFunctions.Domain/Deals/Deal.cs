using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Deals;

public enum DealStatus
{
    Open,
    Won,
    Lost,
}

/// <summary>An amount in one ISO 4217 currency; amounts are never converted.</summary>
public sealed record Money(decimal Amount, string Currency);

/// <summary>Who completed a step of a deal, when, with what note and files, under which process version.</summary>
public sealed record StepCompletion(
    string StepId,
    string CompletedBy,
    DateTimeOffset CompletedAt,
    string? Note,
    IReadOnlyList<string> FileIds,
    int ProcessVersion);

/// <summary>A file stored for a deal, which completions can reference as proof.</summary>
public sealed record DealFile(
    string Id, string Name, string ContentType, long Size, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>A sales opportunity moving through the stages of one process.</summary>
public sealed record Deal
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string ProcessId { get; init; }
    public Money? Value { get; init; }
    public required string OwnerId { get; init; }
    public IReadOnlyList<string> AttendeeIds { get; init; } = [];
    public required string StageId { get; init; }

    /// <summary>Every stay in a stage, oldest first; the last is open while the deal stands there and is open.</summary>
    public IReadOnlyList<StageVisit> StageVisits { get; init; } = [];
    public DealStatus Status { get; init; }

    /// <summary>Completions of steps, including steps since deleted from the process (they stop counting).</summary>
    public IReadOnlyList<StepCompletion> Completions { get; init; } = [];

    /// <summary>Files uploaded to the deal; a completion may reference only these.</summary>
    public IReadOnlyList<DealFile> Files { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? LostReason { get; init; }

    /// <summary>The progress frozen when the deal was won or lost; open deals follow the process.</summary>
    public int? ClosedProgress { get; init; }

    /// <summary>How many history entries the deal has; the next entry's number.</summary>
    public long HistoryCount { get; init; }

    /// <summary>Deleted deals keep their history but are gone from reads and lists.</summary>
    public bool Deleted { get; init; }

    /// <summary>Counts every write of the deal, so that readers can tell which of two states is newer.</summary>
    public long Revision { get; init; }

    /// <summary>Ends the current stay in a stage (when the deal moves or closes).</summary>
    public IReadOnlyList<StageVisit> LeaveStage(DateTimeOffset at) =>
        StageVisits.Select(v => v.LeftAt is null ? v with { LeftAt = at } : v).ToList();

    /// <summary>Starts a stay in <paramref name="stageId"/> after ending the current one.</summary>
    public IReadOnlyList<StageVisit> EnterStage(string stageId, DateTimeOffset at) =>
        [.. LeaveStage(at), new StageVisit(stageId, at, null)];

    public StepCompletion? CompletionOf(string stepId) => Completions.FirstOrDefault(c => c.StepId == stepId);

    /// <summary>Completed weight over the process's total weight, in whole percent.</summary>
    public int ProgressIn(ProcessDefinition process)
    {
        if (ClosedProgress is { } frozen)
        {
            return frozen;
        }

        var total = process.TotalWeight;
        if (total == 0)
        {
            return 0;
        }

        var completed = process.AllSteps.Where(step => CompletionOf(step.Id) is not null).Sum(step => step.Weight);
        return (int)Math.Round(100m * completed / total, MidpointRounding.AwayFromZero);
    }
}

/// <summary>A stay of a deal in a stage, from entering it to leaving it (or closing while in it).</summary>
public sealed record StageVisit(string StageId, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt);

/// <summary>A deal as stored, with the tag that guards its next write.</summary>
public sealed record StoredDeal(Deal Deal, string StorageTag);

public enum HistoryKind
{
    Created,
    StageChanged,
    StepCompleted,
    StepUncompleted,
    Won,
    Lost,
    Reopened,
    Updated,
    Deleted,
}

/// <summary>One line of a deal's history: what happened, by whom, when, under which process version.</summary>
public sealed record HistoryEntry(
    long Sequence,
    HistoryKind Kind,
    string MemberId,
    DateTimeOffset At,
    int ProcessVersion,
    string? StageId = null,
    string? FromStageId = null,
    string? StepId = null,
    string? Note = null,
    IReadOnlyList<string>? FileIds = null,
    string? Reason = null);
