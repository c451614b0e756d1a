using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Effects;

public enum ClaimOutcome
{
    /// <summary>Nobody did this effect yet; the caller does it now and then completes or fails it.</summary>
    Acquired,

    /// <summary>It was done (or failed for good) before: a duplicate message, nothing to do.</summary>
    AlreadySettled,

    /// <summary>Another delivery of the same message holds the claim right now.</summary>
    InFlight,
}

/// <summary>
/// The record of effects carried out, one entry per (message id, effect). An effect is claimed
/// before it is acted on and settled after, so a duplicate message finds it and does nothing. A
/// claim is a lease: if its holder crashed, the claim expires and a later delivery takes it over.
/// </summary>
public interface IEffectLedger
{
    Task<ClaimOutcome> ClaimAsync(
        string accountId, string messageId, string effect, TimeSpan lease, CancellationToken cancellationToken);

    Task CompleteAsync(
        string accountId, string messageId, string effect, string? detail, CancellationToken cancellationToken);

    /// <summary>Settles the effect as failed for good; it is not tried again.</summary>
    Task FailAsync(
        string accountId, string messageId, string effect, string detail, CancellationToken cancellationToken);

    /// <summary>Gives a claim back after a failure that may pass, so the next delivery tries at once.</summary>
    Task ReleaseAsync(string accountId, string messageId, string effect, CancellationToken cancellationToken);

    Task<IReadOnlyList<LedgerEntry>> ListAsync(string accountId, string messageId, CancellationToken cancellationToken);

    /// <summary>Keeps the latest processing error of a message, for the record made if it is poisoned.</summary>
    Task RecordErrorAsync(string accountId, string messageId, string error, CancellationToken cancellationToken);

    Task<string?> FindErrorAsync(string accountId, string messageId, CancellationToken cancellationToken);
}

public enum LedgerState
{
    Claimed,
    Done,
    Failed,
}

public sealed record LedgerEntry(string MessageId, string Effect, LedgerState State, string? Detail, DateTimeOffset UpdatedAt);

public enum FailureKind
{
    /// <summary>An email to one recipient was refused for good.</summary>
    EmailRejected,

    /// <summary>A step-effects message failed past its maximum dequeue count.</summary>
    MessagePoisoned,

    /// <summary>A webhook delivery job failed past its maximum dequeue count.</summary>
    DeliveryPoisoned,
}

/// <summary>Something an effect could not do, kept for administrators: nothing fails silently.</summary>
public sealed record EffectFailure(
    string Id,
    FailureKind Kind,
    DateTimeOffset At,
    string? MessageId,
    string? EventType,
    string? DealId,
    string? StepId,
    string? MemberId,
    string Detail);

/// <summary>The account's list of failed effects, newest first.</summary>
public interface IEffectFailureLog
{
    /// <summary>Idempotent: the same failure id is stored once.</summary>
    Task AddAsync(string accountId, EffectFailure failure, CancellationToken cancellationToken);

    Task<Page<EffectFailure>> ListAsync(string accountId, PageRequest page, CancellationToken cancellationToken);
}
