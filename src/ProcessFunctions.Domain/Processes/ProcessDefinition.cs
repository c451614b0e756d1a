namespace ProcessFunctions.Domain.Processes;

/// <summary>
/// One version of a sales process: ordered stages, each with ordered steps. A version is
/// immutable once saved; every change makes the next version, so deal history keeps its meaning.
/// </summary>
public sealed record ProcessDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required int Version { get; init; }
    public bool Archived { get; init; }
    public required IReadOnlyList<Stage> Stages { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }

    /// <summary>What the change that made this version did, for the version list.</summary>
    public required string Change { get; init; }

    /// <summary>The weight of all steps; a deal's progress is its completed weight over this.</summary>
    public int TotalWeight => Stages.Sum(stage => stage.Steps.Sum(step => step.Weight));

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Step> AllSteps => Stages.SelectMany(stage => stage.Steps);

    public Stage? FindStage(string stageId) => Stages.FirstOrDefault(stage => stage.Id == stageId);

    public (Stage Stage, Step Step)? FindStep(string stepId)
    {
        foreach (var stage in Stages)
        {
            foreach (var step in stage.Steps)
            {
                if (step.Id == stepId)
                {
                    return (stage, step);
                }
            }
        }

        return null;
    }
}

/// <summary>A phase of the process, such as "Qualification" or "Negotiation".</summary>
public sealed record Stage(string Id, string Name, IReadOnlyList<Step> Steps);

/// <summary>An activity inside a stage and the rules for completing it on a deal.</summary>
public sealed record Step
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>How much completing the step brings a deal closer to winning, 0-100.</summary>
    public required int Weight { get; init; }

    /// <summary>The deal cannot be won until this step is done.</summary>
    public bool Obligatory { get; init; }

    public CompletableBy CompletableBy { get; init; } = CompletableBy.Everyone;

    /// <summary>Completing needs a note or a file.</summary>
    public bool NoteRequired { get; init; }

    public NotifySettings Notify { get; init; } = NotifySettings.Nobody;

    /// <summary>The task created when the step is completed, if any.</summary>
    public FollowUpTaskSettings? FollowUpTask { get; init; }
}

public enum CompletableByRule
{
    Everyone,

    /// <summary>Managers and administrators.</summary>
    Managers,
    Administrators,
    Selected,
}

/// <summary>Who may complete or uncomplete a step.</summary>
public sealed record CompletableBy(CompletableByRule Rule, IReadOnlyList<string>? MemberIds = null)
{
    public static readonly CompletableBy Everyone = new(CompletableByRule.Everyone);

    public bool Equals(CompletableBy? other) =>
        other is not null && Rule == other.Rule
        && (MemberIds ?? []).SequenceEqual(other.MemberIds ?? []);

    public override int GetHashCode() => Rule.GetHashCode();
}

/// <summary>Who is emailed when the step is completed.</summary>
public sealed record NotifySettings(
    bool Administrators = false,
    bool Managers = false,
    bool Attendees = false,
    IReadOnlyList<string>? MemberIds = null)
{
    public static readonly NotifySettings Nobody = new();

    public bool Anyone => Administrators || Managers || Attendees || MemberIds is { Count: > 0 };

    public bool Equals(NotifySettings? other) =>
        other is not null && Administrators == other.Administrators && Managers == other.Managers
        && Attendees == other.Attendees && (MemberIds ?? []).SequenceEqual(other.MemberIds ?? []);

    public override int GetHashCode() => HashCode.Combine(Administrators, Managers, Attendees);
}

public enum FollowUpTaskType
{
    Call,
    Meeting,
    Email,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("to-do")]
    ToDo,
}

public enum FollowUpAssignee
{
    /// <summary>The member who completed the step.</summary>
    Completer,
    Owner,
    Selected,
}

/// <summary>The task created when a step is completed.</summary>
public sealed record FollowUpTaskSettings(
    string Title,
    FollowUpTaskType Type,
    int DueInDays,
    FollowUpAssignee Assignee,
    string? MemberId = null);
