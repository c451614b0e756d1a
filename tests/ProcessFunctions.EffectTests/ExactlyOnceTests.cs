using System.Net;
using System.Text.Json.Nodes;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.EffectTests.Infrastructure;
using ProcessFunctions.Storage;

namespace ProcessFunctions.EffectTests;

/// <summary>At-least-once delivery of queue messages, exactly-once effects, and failures that stay visible.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ExactlyOnceTests(AzuriteFixture azurite) : EffectTest(azurite)
{
    [Fact]
    public async Task Same_message_delivered_three_times_sends_one_email_per_recipient_and_creates_one_task()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);
        var message = StepCompleted(team, deal, team.Completer, new NotifySettings(Managers: true),
            new FollowUpTaskSettings("Follow up", FollowUpTaskType.Call, 3, FollowUpAssignee.Owner));

        await QueueEffectAsync(message);
        await QueueEffectAsync(message);
        await QueueEffectAsync(message);
        await WaitUntilQueuesDrainAsync();

        Assert.Equal(["anna@acme.example", "marek@acme.example", "piotr@acme.example"],
            SendGrid.Received.Select(mail => mail.To).Order(StringComparer.Ordinal));
        var tasks = await GetJsonAsync($"tasks?dealId={deal.DealId}", team.Anna.Key);
        Assert.Single(tasks["items"]!.AsArray());
    }

    [Fact]
    public async Task Rate_limited_send_is_retried_after_retry_after_and_sends_one_email()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);
        SendGrid.Script(429);

        await QueueEffectAsync(StepCompleted(team, deal, team.Anna, new NotifySettings(MemberIds: [team.Selected.Id])));
        await Eventually.GetAsync(() => SendGrid.Accepted, sent => sent.Count == 1, "the email after the 429");
        await WaitUntilQueuesDrainAsync();

        Assert.Equal([429, 202], SendGrid.Received.Select(mail => mail.Status));
        Assert.All(SendGrid.Received, mail => Assert.Equal("sara@acme.example", mail.To));
    }

    [Fact]
    public async Task Refused_address_is_recorded_as_failed_and_the_others_are_still_sent()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);
        SendGrid.AnswerFor("adam@acme.example", 400);
        var message = StepCompleted(team, deal, team.Anna, new NotifySettings(Attendees: true, MemberIds: [team.Selected.Id]));

        await QueueEffectAsync(message);
        await QueueEffectAsync(message);
        await WaitUntilQueuesDrainAsync();

        Assert.Equal(["julia@acme.example", "sara@acme.example"],
            SendGrid.Accepted.Select(mail => mail.To).Order(StringComparer.Ordinal));
        Assert.Single(SendGrid.Received, mail => mail.Status == 400);
        var failure = Assert.Single(await FailuresAsync(team), f => (string?)f!["messageId"] == message.Id);
        Assert.Equal("emailRejected", (string?)failure!["kind"]);
        Assert.Equal(team.Attendee.Id, (string?)failure["memberId"]);
        Assert.Contains("400", (string?)failure["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_failing_past_max_dequeue_count_lands_in_poison_queue_and_is_recorded()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);
        SendGrid.AlwaysAnswer = 401;
        var message = StepCompleted(team, deal, team.Anna, new NotifySettings(MemberIds: [team.Selected.Id]));

        await QueueEffectAsync(message);
        var failures = await Eventually.GetAsync(
            () => FailuresAsync(team), list => list.Any(f => (string?)f!["messageId"] == message.Id), "the poison record");
        await WaitUntilQueuesDrainAsync(QueueNames.StepEffects, QueueNames.StepEffectsPoison);

        var failure = failures.Single(f => (string?)f!["messageId"] == message.Id)!;
        Assert.Equal("messagePoisoned", (string?)failure["kind"]);
        Assert.Equal(deal.DealId, (string?)failure["dealId"]);
        Assert.Contains("401", (string?)failure["detail"], StringComparison.Ordinal);
        Assert.Equal(5, SendGrid.Received.Count);
        Assert.Empty(SendGrid.Accepted);
    }

    [Fact]
    public async Task Effect_failures_are_for_administrators_only()
    {
        var team = await CreateTeamAsync();

        using var response = await SendAsync(HttpMethod.Get, "effects/failures", team.Manager.Key);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<JsonArray> FailuresAsync(Team team) =>
        (await GetJsonAsync("effects/failures", team.Anna.Key))["items"]!.AsArray();
}
