using Microsoft.Extensions.Logging;

namespace ProcessFunctions.Domain.Effects;

/// <summary>Where an email comes from: the message and event it belongs to.</summary>
public sealed record EmailOrigin(string AccountId, string MessageId, string EventType, string? DealId, string? StepId);

/// <summary>Another delivery of the same message is carrying out the effect right now; try again later.</summary>
public sealed class EffectInFlightException(string effect)
    : Exception($"The effect '{effect}' is being carried out by another delivery of the message.");

/// <summary>
/// Sends an email at most once per (message id, recipient): the ledger is claimed before the
/// send and settled after it. A permanent refusal is settled as failed and listed for the
/// administrators; a failure that may pass gives the claim back and is thrown, so the queue
/// retries the message and the next delivery sends.
/// </summary>
public sealed partial class OnceMailer(
    IEmailSender sender,
    IEffectLedger ledger,
    IEffectFailureLog failures,
    EffectOptions options,
    TimeProvider clock,
    ILogger<OnceMailer> logger)
{
    public async Task SendAsync(EmailOrigin origin, Recipient recipient, EmailMessage email, CancellationToken cancellationToken)
    {
        var effect = "email|" + recipient.MemberId;
        var claim = await ledger.ClaimAsync(origin.AccountId, origin.MessageId, effect, options.ClaimLease, cancellationToken);
        if (claim == ClaimOutcome.AlreadySettled)
        {
            LogDuplicate(logger, origin.MessageId, recipient.MemberId);
            return;
        }

        if (claim == ClaimOutcome.InFlight)
        {
            throw new EffectInFlightException(effect);
        }

        EmailOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(email, cancellationToken);
        }
        catch
        {
            await ledger.ReleaseAsync(origin.AccountId, origin.MessageId, effect, CancellationToken.None);
            throw;
        }

        if (outcome.Accepted)
        {
            await ledger.CompleteAsync(origin.AccountId, origin.MessageId, effect, outcome.Detail, CancellationToken.None);
            LogSent(logger, origin.MessageId, recipient.MemberId, outcome.Detail);
            return;
        }

        var detail = $"The email to member {recipient.MemberId} was refused ({outcome.StatusCode}): {outcome.Detail}";
        await ledger.FailAsync(origin.AccountId, origin.MessageId, effect, detail, CancellationToken.None);
        await failures.AddAsync(origin.AccountId, new EffectFailure(
            DerivedIds.From("fail", origin.MessageId, effect), FailureKind.EmailRejected, clock.GetUtcNow(),
            origin.MessageId, origin.EventType, origin.DealId, origin.StepId, recipient.MemberId, detail),
            CancellationToken.None);
        LogRejected(logger, origin.MessageId, recipient.MemberId, outcome.StatusCode);
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information,
        Message = "Notification for message {MessageId} sent to member {MemberId} ({Where})")]
    private static partial void LogSent(ILogger logger, string messageId, string memberId, string? where);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning,
        Message = "Notification for message {MessageId} to member {MemberId} was refused for good with status {Status}")]
    private static partial void LogRejected(ILogger logger, string messageId, string memberId, int? status);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Information,
        Message = "Notification for message {MessageId} to member {MemberId} was already sent; duplicate skipped")]
    private static partial void LogDuplicate(ILogger logger, string messageId, string memberId);
}
