using ProcessFunctions.Domain.Effects;
using ProcessFunctions.Domain.Webhooks;

namespace ProcessFunctions.EffectTests.Unit;

public sealed class PolicyTests
{
    [Fact]
    public void Webhook_retries_back_off_over_a_bounded_window()
    {
        var policy = WebhookPolicy.Default;

        var delays = Enumerable.Range(1, 10).Select(attempt => policy.DelayAfter(attempt, 0)).ToList();

        Assert.Equal(9, policy.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(30), delays[0]);
        Assert.Equal(TimeSpan.FromHours(12), delays[7]);
        Assert.Null(delays[8]);
        Assert.True(delays.Take(8).Zip(delays.Skip(1).Take(7)).All(pair => pair.First < pair.Second));
        Assert.InRange(delays.Take(8).Sum(delay => delay!.Value.TotalHours), 22, 24);
    }

    [Fact]
    public void Webhook_jitter_adds_at_most_a_tenth()
    {
        Assert.Equal(TimeSpan.FromSeconds(33), WebhookPolicy.Default.DelayAfter(1, 1));
    }

    [Fact]
    public void Webhook_is_disabled_only_after_enough_failures_over_enough_time()
    {
        var policy = WebhookPolicy.Default;
        var since = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.False(policy.ShouldDisable(9, since, since.AddDays(3)));
        Assert.False(policy.ShouldDisable(50, since, since.AddHours(23)));
        Assert.True(policy.ShouldDisable(10, since, since.AddHours(24)));
    }

    [Fact]
    public void Email_retry_honours_retry_after_within_its_bound_and_backs_off_otherwise()
    {
        var policy = EmailRetryPolicy.Default;

        Assert.Equal(TimeSpan.FromSeconds(7), policy.DelayAfter(1, TimeSpan.FromSeconds(7)));
        Assert.Null(policy.DelayAfter(1, TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.DelayAfter(1, null));
        Assert.Equal(TimeSpan.FromSeconds(8), policy.DelayAfter(3, null));
        Assert.Null(policy.DelayAfter(4, null));
    }
}
