using System.Text.Json.Serialization;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Effects;

/// <summary>The events a deal change produces; outbound webhooks subscribe to these names.</summary>
public static class DealEvents
{
    public const string Created = "deal.created";
    public const string StageChanged = "deal.stage_changed";
    public const string StepCompleted = "deal.step_completed";
    public const string StepUncompleted = "deal.step_uncompleted";
    public const string Won = "deal.won";
    public const string Lost = "deal.lost";
    public const string Reopened = "deal.reopened";
    public const string TaskCreated = "task.created";

    /// <summary>Title, value, owner or attendees changed; statistics follow it, webhooks do not offer it.</summary>
    public const string Updated = "deal.updated";

    /// <summary>The deal was deleted; statistics drop it, webhooks do not offer it.</summary>
    public const string Deleted = "deal.deleted";

    public static readonly IReadOnlyList<string> All =
        [Created, StageChanged, StepCompleted, StepUncompleted, Won, Lost, Reopened, TaskCreated];
}

/// <summary>
/// A message on the <c>step-effects</c> queue: one deal event and the side effects it asks
/// for. It is written to the outbox in the same atomic write as the deal change, so it exists
/// exactly when the change does; <see cref="Id"/> stays the same however often it is sent, and
/// consumers use it to drop duplicates.
/// </summary>
public sealed record EffectMessage
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required string AccountId { get; init; }
    public required string DealId { get; init; }

    /// <summary>The member whose action caused the event.</summary>
    public required string ActorId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string ProcessId { get; init; }
    public required int ProcessVersion { get; init; }

    /// <summary>The step completed or uncompleted, for step events.</summary>
    public string? StepId { get; init; }
    public string? StageId { get; init; }

    /// <summary>The deal's progress in percent after the change.</summary>
    public int Progress { get; init; }

    /// <summary>Event details for webhook bodies: note, files, previous stage, loss reason.</summary>
    public IReadOnlyDictionary<string, string?> Data { get; init; } = new Dictionary<string, string?>();

    /// <summary>Who to email, as the step's settings said when it was completed; recipients are resolved on processing.</summary>
    public NotifySettings? Notify { get; init; }

    /// <summary>The follow-up task to create, as the step's settings said when it was completed.</summary>
    public FollowUpTaskSettings? FollowUpTask { get; init; }

    [JsonIgnore]
    public bool HasEmail => Notify?.Anyone == true;
}
