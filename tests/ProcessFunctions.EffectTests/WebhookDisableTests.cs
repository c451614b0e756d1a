using System.Net;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.Domain.Webhooks;
using ProcessFunctions.EffectTests.Infrastructure;

namespace ProcessFunctions.EffectTests;

/// <summary>A webhook whose receiver keeps failing is disabled and the administrators are told, once.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class WebhookDisableTests(AzuriteFixture azurite) : EffectTest(azurite)
{
    private static readonly string[] StepCompletedOnly = ["deal.step_completed"];
    private static readonly string[] Stopped = ["cancelled", "failed"];

    // Three failed attempts in a row, however short the run, disable it here (two at the same time may make four).
    protected override EffectsFactory CreateFactory(string connectionString, string sendGridHost, bool allowPrivate) =>
        new(connectionString, sendGridHost, allowPrivate)
        {
            WebhookPolicy = WebhookPolicy.Default with
            {
                RetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100)],
                DisableAfterFailures = 3,
                DisableAfterFailingFor = TimeSpan.Zero,
            },
        };

    [Fact]
    public async Task Webhook_failing_past_the_limit_is_disabled_and_each_administrator_is_emailed_once()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);
        var created = await JsonAsync(HttpMethod.Post, "webhooks", team.Anna.Key,
            new { url = Receiver.Url, events = StepCompletedOnly }, HttpStatusCode.Created);
        var id = (string)created["webhook"]!["id"]!;
        Receiver.Script(500, 500, 500, 500, 500, 500);

        await QueueEffectAsync(StepCompleted(team, deal, team.Completer, NotifySettings.Nobody));
        await QueueEffectAsync(StepCompleted(team, deal, team.Completer, NotifySettings.Nobody));
        var webhook = await Eventually.GetAsync(
            () => GetJsonAsync($"webhooks/{id}", team.Anna.Key), w => (string?)w["status"] == "disabled", "the webhook disabled");
        await WaitUntilQueuesDrainAsync();

        Assert.Contains("3 delivery attempts in a row failed", (string?)webhook["disabledReason"], StringComparison.Ordinal);
        Assert.InRange(Receiver.Received.Count, 3, 4);
        Assert.Equal(["anna@acme.example", "piotr@acme.example"],
            SendGrid.Accepted.Select(mail => mail.To).Order(StringComparer.Ordinal));
        Assert.All(SendGrid.Accepted, mail => Assert.Contains("was disabled", mail.Subject, StringComparison.Ordinal));
        var deliveries = (await GetJsonAsync($"webhooks/{id}/deliveries", team.Anna.Key))["items"]!.AsArray();
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Contains((string?)d!["status"], Stopped));
    }
}
