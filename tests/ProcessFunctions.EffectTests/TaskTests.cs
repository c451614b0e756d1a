using System.Net;
using System.Text.Json.Nodes;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.EffectTests.Infrastructure;

namespace ProcessFunctions.EffectTests;

/// <summary>Follow-up tasks from completed steps, and the task endpoints.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TaskTests(AzuriteFixture azurite) : EffectTest(azurite)
{
    [Theory]
    [InlineData(FollowUpAssignee.Owner)]
    [InlineData(FollowUpAssignee.Completer)]
    [InlineData(FollowUpAssignee.Selected)]
    public async Task Follow_up_task_has_the_right_assignee_and_due_date(FollowUpAssignee assignee)
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);
        var settings = new FollowUpTaskSettings(
            "Follow up on the proposal", FollowUpTaskType.Call, 3, assignee, assignee == FollowUpAssignee.Selected ? team.Selected.Id : null);
        var message = StepCompleted(team, deal, team.Completer, NotifySettings.Nobody, settings);

        await QueueEffectAsync(message);
        var tasks = await Eventually.GetAsync(
            () => ListAsync(team, $"dealId={deal.DealId}"), items => items.Count == 1, "the follow-up task");

        var task = tasks.Single()!;
        var expected = assignee switch
        {
            FollowUpAssignee.Owner => team.Owner.Id,
            FollowUpAssignee.Selected => team.Selected.Id,
            _ => team.Completer.Id,
        };
        Assert.Equal(expected, (string?)task["assigneeId"]);
        Assert.Equal(message.OccurredAt.AddDays(3), task["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Follow up on the proposal", (string?)task["title"]);
        Assert.Equal("call", (string?)task["type"]);
        Assert.Equal("open", (string?)task["status"]);
        Assert.Equal(deal.StepId, (string?)task["stepId"]);
        Assert.Equal(message.Id, (string?)task["sourceEventId"]);
        Assert.Equal(team.Completer.Id, (string?)task["createdBy"]);
    }

    [Fact]
    public async Task Task_made_by_hand_is_completed_reassigned_rescheduled_and_deleted()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);
        var due = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

        var created = await JsonAsync(HttpMethod.Post, "tasks", team.Completer.Key,
            new { title = "Prepare the demo", type = "meeting", dueAt = due, dealId = deal.DealId }, HttpStatusCode.Created);
        var id = (string)created["id"]!;
        var moved = await JsonAsync(HttpMethod.Patch, $"tasks/{id}", team.Completer.Key,
            new { assigneeId = team.Owner.Id, dueAt = due.AddDays(2) }, HttpStatusCode.OK);
        var done = await JsonAsync(HttpMethod.Patch, $"tasks/{id}", team.Owner.Key, new { status = "done" }, HttpStatusCode.OK);
        using var forbidden = await SendAsync(HttpMethod.Delete, $"tasks/{id}", team.Attendee.Key);
        using var deleted = await SendAsync(HttpMethod.Delete, $"tasks/{id}", team.Owner.Key);
        using var gone = await SendAsync(HttpMethod.Get, $"tasks/{id}", team.Owner.Key);

        Assert.Equal(team.Completer.Id, (string?)created["assigneeId"]);
        Assert.Equal(team.Owner.Id, (string?)moved["assigneeId"]);
        Assert.Equal(due.AddDays(2), moved["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("done", (string?)done["status"]);
        Assert.Equal(team.Owner.Id, (string?)done["completedBy"]);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Task_list_filters_by_assignee_status_and_due_date()
    {
        var team = await CreateTeamAsync();
        var early = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
        async Task<string> CreateAsync(string title, string assigneeId, DateTimeOffset dueAt) =>
            (string)(await JsonAsync(HttpMethod.Post, "tasks", team.Anna.Key,
                new { title, assigneeId, dueAt }, HttpStatusCode.Created))["id"]!;
        var first = await CreateAsync("Call", team.Owner.Id, early);
        var second = await CreateAsync("Email", team.Owner.Id, early.AddDays(10));
        await CreateAsync("Meet", team.Selected.Id, early);
        await JsonAsync(HttpMethod.Patch, $"tasks/{second}", team.Anna.Key, new { status = "done" }, HttpStatusCode.OK);

        var owners = await ListAsync(team, $"assigneeId={team.Owner.Id}");
        var open = await ListAsync(team, $"assigneeId={team.Owner.Id}&status=open");
        var dueSoon = await ListAsync(team, $"assigneeId={team.Owner.Id}&dueBefore={Uri.EscapeDataString(early.AddDays(1).ToString("O"))}");
        using var invalid = await SendAsync(HttpMethod.Get, "tasks?status=later", team.Anna.Key);

        Assert.Equal(2, owners.Count);
        Assert.Equal([first], open.Select(task => (string)task!["id"]!));
        Assert.Equal([first], dueSoon.Select(task => (string)task!["id"]!));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
    }

    [Fact]
    public async Task Task_for_someone_outside_the_account_is_refused()
    {
        var team = await CreateTeamAsync();

        using var response = await SendAsync(HttpMethod.Post, "tasks", team.Anna.Key,
            new { title = "Call", dueAt = DateTimeOffset.UnixEpoch, assigneeId = "mbr_nosuchmember00" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    private async Task<JsonArray> ListAsync(Team team, string query) =>
        (await GetJsonAsync($"tasks?{query}", team.Anna.Key))["items"]!.AsArray();
}
