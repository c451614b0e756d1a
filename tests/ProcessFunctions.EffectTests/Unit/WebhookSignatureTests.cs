using Microsoft.AspNetCore.Http;
using ProcessFunctions.Domain.Webhooks;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace ProcessFunctions.EffectTests.Unit;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void Headers_verify_with_the_StandardWebhooks_library()
    {
        var secret = WebhookSignature.NewSecret();
        const string Body = """{"type":"deal.won","timestamp":"2026-01-01T00:00:00+00:00","data":{}}""";

        var headers = new HeaderDictionary();
        foreach (var (name, value) in WebhookSignature.Headers(secret, "msg_1", DateTimeOffset.UtcNow, Body))
        {
            headers[name] = value;
        }

        new StandardWebhook(secret).Verify(Body, headers);
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(secret).Verify(Body + " ", headers));
    }

    [Fact]
    public void Sign_matches_the_library_signature()
    {
        var secret = WebhookSignature.NewSecret();
        var at = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);

        var ours = WebhookSignature.Sign(secret, "msg_2", at, "{}");

        Assert.Equal(new StandardWebhook(secret).Sign("msg_2", at, "{}"), ours);
    }

    [Fact]
    public void Stale_timestamp_is_rejected_by_receivers()
    {
        var secret = WebhookSignature.NewSecret();
        var headers = new HeaderDictionary();
        foreach (var (name, value) in WebhookSignature.Headers(secret, "msg_3", DateTimeOffset.UtcNow.AddMinutes(-6), "{}"))
        {
            headers[name] = value;
        }

        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(secret).Verify("{}", headers));
    }

    [Fact]
    public void NewSecret_is_whsec_and_32_random_bytes()
    {
        var secret = WebhookSignature.NewSecret();

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.NotEqual(secret, WebhookSignature.NewSecret());
    }
}
