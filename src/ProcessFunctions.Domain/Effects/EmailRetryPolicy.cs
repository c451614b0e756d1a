namespace ProcessFunctions.Domain.Effects;

/// <summary>
/// How an email sender retries a rate limit (429) or a provider error (5xx, timeout) inside one
/// message delivery: up to <see cref="MaxAttempts"/> tries, waiting the provider's Retry-After
/// when it sends one and otherwise 2 s, 4 s, 8 s. A Retry-After longer than <see cref="MaxDelay"/>
/// is not waited here: the sender gives up and the queue retries the message later.
/// </summary>
public sealed record EmailRetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static readonly EmailRetryPolicy Default = new(4, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));

    /// <summary>The wait before the next try after <paramref name="attemptsMade"/> tries, or null to give up.</summary>
    public TimeSpan? DelayAfter(int attemptsMade, TimeSpan? retryAfter)
    {
        if (attemptsMade >= MaxAttempts)
        {
            return null;
        }

        if (retryAfter is { } asked)
        {
            return asked > MaxDelay ? null : asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
        }

        var delay = BaseDelay * Math.Pow(2, attemptsMade - 1);
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
