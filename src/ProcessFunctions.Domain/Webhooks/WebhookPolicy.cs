namespace ProcessFunctions.Domain.Webhooks;

/// <summary>
/// How hard a delivery is tried and when a webhook is given up on. After the first attempt
/// fails, attempts follow after 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h and 12 h (each up to
/// 10% later, so that many failing deliveries do not retry in step): nine attempts over about
/// 23 hours, then the delivery is failed. A webhook whose attempts have all failed for at least
/// <see cref="DisableAfterFailures"/> attempts in a row spanning <see cref="DisableAfterFailingFor"/>
/// is disabled and the account's administrators are emailed.
/// </summary>
public sealed record WebhookPolicy(
    IReadOnlyList<TimeSpan> RetryDelays,
    int DisableAfterFailures,
    TimeSpan DisableAfterFailingFor,
    TimeSpan Timeout)
{
    public static readonly WebhookPolicy Default = new(
        [
            TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
            TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        ],
        DisableAfterFailures: 10,
        DisableAfterFailingFor: TimeSpan.FromHours(24),
        Timeout: TimeSpan.FromSeconds(10));

    public int MaxAttempts => RetryDelays.Count + 1;

    /// <summary>The wait before the attempt after <paramref name="attemptsMade"/>, or null when the window is over.</summary>
    public TimeSpan? DelayAfter(int attemptsMade, double jitter)
    {
        if (attemptsMade < 1 || attemptsMade > RetryDelays.Count)
        {
            return null;
        }

        var delay = RetryDelays[attemptsMade - 1];
        return delay + (delay * 0.1 * Math.Clamp(jitter, 0, 1));
    }

    /// <summary>Whether a webhook with this run of failures is to be disabled.</summary>
    public bool ShouldDisable(int consecutiveFailures, DateTimeOffset failingSince, DateTimeOffset now) =>
        consecutiveFailures >= DisableAfterFailures && now - failingSince >= DisableAfterFailingFor;
}
