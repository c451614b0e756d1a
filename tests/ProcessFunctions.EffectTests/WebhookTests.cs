using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.EffectTests.Infrastructure;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace ProcessFunctions.EffectTests;

/// <summary>Outbound webhooks: Standard Webhooks signatures, retries under one id, the delivery list.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class WebhookTests(AzuriteFixture azurite) : EffectTest(azurite)
{
    private static readonly string[] WonOnly = ["deal.won"];
    private static readonly string[] UnknownEvents = ["deal.exploded"];

    [Fact]
    public async Task Delivery_verifies_with_the_StandardWebhooks_library_and_fails_once_the_body_is_altered()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);
        var secret = await CreateWebhookAsync(team, "deal.step_completed");
        var message = StepCompleted(team, deal, team.Completer, NotifySettings.Nobody);

        await QueueEffectAsync(message);
        var received = (await Eventually.GetAsync(() => Receiver.Received, r => r.Count == 1, "the webhook")).Single();

        new StandardWebhook(secret).Verify(received.Body, received.Headers);
        var altered = received.Body.Replace("\"progress\":40", "\"progress\":100", StringComparison.Ordinal);
        Assert.NotEqual(received.Body, altered);
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(secret).Verify(altered, received.Headers));
        var body = JsonNode.Parse(received.Body)!;
        Assert.Equal("deal.step_completed", (string?)body["type"]);
        Assert.Equal(message.OccurredAt, body["timestamp"]!.GetValue<DateTimeOffset>());
        Assert.Equal(deal.DealId, (string?)body["data"]!["dealId"]);
        Assert.Equal(deal.StepId, (string?)body["data"]!["stepId"]);
        Assert.StartsWith("v1,", received.Headers["webhook-signature"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_delivery_is_retried_with_the_same_webhook_id_and_listed_with_its_status()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);
        var secret = await CreateWebhookAsync(team, "deal.step_completed");
        var webhookId = (string)(await GetJsonAsync("webhooks", team.Anna.Key))["items"]![0]!["id"]!;
        Receiver.Script(503);

        await QueueEffectAsync(StepCompleted(team, deal, team.Completer, NotifySettings.Nobody));
        var received = await Eventually.GetAsync(() => Receiver.Received, r => r.Count == 2, "the retry");
        await WaitUntilQueuesDrainAsync();

        Assert.Equal([503, 200], received.Select(r => r.Status));
        Assert.Equal(received[0].Headers["webhook-id"].ToString(), received[1].Headers["webhook-id"].ToString());
        Assert.All(received, r => new StandardWebhook(secret).Verify(r.Body, r.Headers));
        var delivery = (await GetJsonAsync($"webhooks/{webhookId}/deliveries", team.Anna.Key))["items"]!.AsArray().Single()!;
        Assert.Equal(received[0].Headers["webhook-id"].ToString(), (string?)delivery["id"]);
        Assert.Equal("succeeded", (string?)delivery["status"]);
        Assert.Equal(2, (int?)delivery["attempts"]);
        Assert.Equal(200, (int?)delivery["responseCode"]);
    }

    [Fact]
    public async Task Duplicate_messages_make_one_delivery_and_follow_up_tasks_are_announced()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);
        await CreateWebhookAsync(team, "deal.step_completed", "task.created");
        var message = StepCompleted(team, deal, team.Completer, NotifySettings.Nobody,
            new FollowUpTaskSettings("Call back", FollowUpTaskType.Call, 1, FollowUpAssignee.Completer));

        await QueueEffectAsync(message);
        await QueueEffectAsync(message);
        await QueueEffectAsync(message);
        await Eventually.GetAsync(() => Receiver.Received, r => r.Count >= 2, "two events");
        await WaitUntilQueuesDrainAsync();

        var types = Receiver.Received.Select(r => (string)JsonNode.Parse(r.Body)!["type"]!).Order().ToArray();
        Assert.Equal(["deal.step_completed", "task.created"], types);
    }

    [Fact]
    public async Task Secret_is_shown_only_at_creation_and_webhooks_need_an_administrator()
    {
        var team = await CreateTeamAsync();

        var created = await JsonAsync(HttpMethod.Post, "webhooks", team.Anna.Key,
            new { url = Receiver.Url, events = WonOnly }, HttpStatusCode.Created);
        var id = (string)created["webhook"]!["id"]!;
        var read = await GetJsonAsync($"webhooks/{id}", team.Anna.Key);
        using var asManager = await SendAsync(HttpMethod.Get, "webhooks", team.Manager.Key);
        using var unknownEvent = await SendAsync(HttpMethod.Post, "webhooks", team.Anna.Key,
            new { url = Receiver.Url, events = UnknownEvents });
        using var deleted = await SendAsync(HttpMethod.Delete, $"webhooks/{id}", team.Anna.Key);

        Assert.StartsWith("whsec_", (string?)created["secret"], StringComparison.Ordinal);
        Assert.Null(read["secret"]);
        Assert.Equal("active", (string?)read["status"]);
        Assert.Equal(HttpStatusCode.Forbidden, asManager.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownEvent.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    private async Task<string> CreateWebhookAsync(Team team, params string[] events)
    {
        var created = await JsonAsync(HttpMethod.Post, "webhooks", team.Anna.Key,
            new { url = Receiver.Url, events }, HttpStatusCode.Created);
        return (string)created["secret"]!;
    }
}

/// <summary>With private targets not allowed (as in Azure), webhooks to internal addresses are refused.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class PrivateTargetTests(AzuriteFixture azurite) : EffectTest(azurite, allowPrivateTargets: false)
{
    private static readonly string[] WonOnly = ["deal.won"];

    [Fact]
    public async Task Webhook_to_a_loopback_private_or_link_local_address_is_refused()
    {
        var team = await CreateTeamAsync();
        string[] targets =
        [
            Receiver.Url, "https://127.0.0.1/hooks", "https://localhost/hooks", "https://10.0.0.7/hooks",
            "https://192.168.1.20/hooks", "https://172.20.0.1/hooks", "https://169.254.169.254/metadata",
            "https://[::1]/hooks", "https://[fd00::1]/hooks", "https://[::ffff:10.0.0.1]/hooks",
        ];

        foreach (var target in targets)
        {
            using var response = await SendAsync(HttpMethod.Post, "webhooks", team.Anna.Key,
                new { url = target, events = WonOnly });
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{target}: {response.StatusCode}");
            Assert.NotNull(body["errors"]!["url"]);
        }

        Assert.Empty((await GetJsonAsync("webhooks", team.Anna.Key))["items"]!.AsArray());
    }
}
