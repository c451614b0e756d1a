using System.Net;
using System.Text.Json.Nodes;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests.Deals;

/// <summary>Deals created, listed, edited, moved between stages, deleted; their view and their history.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class DealLifecycleTests(AzuriteFixture azurite) : DealTest(azurite)
{
    [Fact]
    public async Task CreateDeal_WithTitleAndValueOnly_UsesDefaultProcessFirstStageAndCaller()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager");
        var body = new { title = "  Pumps for Acme  ", value = new { amount = 12500.5m, currency = "EUR" } };

        using var response = await Api.SendAsync(HttpMethod.Post, "deals", manager.Key, body);

        var deal = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        Assert.Equal($"/api/deals/{deal.Id()}", response.Headers.Location?.ToString());
        Assert.Equal("Pumps for Acme", (string?)deal["title"]);
        Assert.Equal(process.Id, (string?)deal["processId"]);
        Assert.Equal(1, (int?)deal["processVersion"]);
        Assert.Equal(process.StageId(0), (string?)deal["stageId"]);
        Assert.Equal(manager.Id, (string?)deal["ownerId"]);
        Assert.Equal("open", (string?)deal["status"]);
        Assert.Equal(0, (int?)deal["progress"]);
        Assert.Equal(12500.5m, (decimal?)deal["value"]!["amount"]);
        Assert.Equal("EUR", (string?)deal["value"]!["currency"]);
        Assert.Empty(deal["attendeeIds"]!.AsArray());
        var steps = deal["steps"]!.AsArray();
        Assert.Equal(
            [process.StepId(0, 0), process.StepId(0, 1), process.StepId(1, 0), process.StepId(1, 1)],
            steps.Select(step => (string?)step!["stepId"]));
        Assert.Equal([10, 15, 20, 30], steps.Select(step => (int?)step!["weight"]));
        Assert.All(steps, step => Assert.False((bool?)step!["completed"]));
        var read = await Api.GetDealAsync(manager.Key, deal.Id());
        Assert.True(JsonNode.DeepEquals(deal, read), $"GET differs from POST: {read.ToJsonString()}");
    }

    [Fact]
    public async Task CreateDeal_WithProcessStageOwnerAndAttendees_KeepsThem()
    {
        var account = await Api.CreateAccountAsync();
        await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Default"));
        var other = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Partners"));
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager");
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var body = new
        {
            title = "Service contract",
            processId = other.Id,
            stageId = other.StageId(1),
            ownerId = manager.Id,
            attendeeIds = new[] { user.Id, manager.Id, user.Id },
        };

        var deal = await Api.CreateDealAsync(user.Key, body);

        Assert.Equal(other.Id, (string?)deal["processId"]);
        Assert.Equal(other.StageId(1), (string?)deal["stageId"]);
        Assert.Equal(manager.Id, (string?)deal["ownerId"]);
        Assert.Equal([user.Id, manager.Id], deal["attendeeIds"]!.AsArray().Select(id => (string?)id));
        Assert.Null(deal["value"]);
        var read = await Api.GetDealAsync(account.AdministratorKey, deal.Id());
        Assert.True(JsonNode.DeepEquals(deal, read), $"GET differs from POST: {read.ToJsonString()}");
    }

    [Fact]
    public async Task CreateDeal_InStageOfAnotherProcess_Returns422NamingStageId()
    {
        var account = await Api.CreateAccountAsync();
        await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Default"));
        var other = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Other"));

        using var response = await Api.SendAsync(
            HttpMethod.Post, "deals", account.AdministratorKey, new { title = "Lost", stageId = other.StageId(1) });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "stageId");
    }

    [Fact]
    public async Task CreateDeal_ForOwnerOfAnotherAccount_Returns422NamingOwnerId()
    {
        var account = await Api.CreateAccountAsync();
        var stranger = await Api.CreateAccountAsync("Other Industrial");
        await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        using var response = await Api.SendAsync(
            HttpMethod.Post, "deals", account.AdministratorKey,
            new { title = "Pumps", ownerId = stranger.AdministratorId });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "ownerId");
    }

    [Fact]
    public async Task ListDeals_WithEachFilterAndSmallPages_ReturnsExactlyTheMatchingDeals()
    {
        var account = await Api.CreateAccountAsync();
        var key = account.AdministratorKey;
        var main = await Api.CreateProcessAsync(key, Drafts.Simple("Main"));
        var side = await Api.CreateProcessAsync(key, Drafts.Simple("Side"));
        var manager = await Api.CreateMemberAsync(key, "manager");
        var mineInLead = await Api.CreateDealIdAsync(key, new { title = "A" });
        var managersInClosing = await Api.CreateDealIdAsync(
            key, new { title = "B", stageId = main.StageId(1), ownerId = manager.Id });
        var managersLost = await Api.CreateDealIdAsync(key, new { title = "C", ownerId = manager.Id });
        var mineInSide = await Api.CreateDealIdAsync(key, new { title = "D", processId = side.Id });
        await Api.LoseOkAsync(key, managersLost, "No budget");

        var all = await IdsAsync("deals", key);
        var inMain = await IdsAsync($"deals?processId={main.Id}", key);
        var inClosing = await IdsAsync($"deals?stageId={main.StageId(1)}", key);
        var lost = await IdsAsync("deals?status=lost", key);
        var openOfManager = await IdsAsync($"deals?status=open&ownerId={manager.Id}", key);
        var mine = await IdsAsync($"deals?ownerId={account.AdministratorId}", key);

        Assert.Equal(Sorted(mineInLead, managersInClosing, managersLost, mineInSide), all);
        Assert.Equal(Sorted(mineInLead, managersInClosing, managersLost), inMain);
        Assert.Equal([managersInClosing], inClosing);
        Assert.Equal([managersLost], lost);
        Assert.Equal([managersInClosing], openOfManager);
        Assert.Equal(Sorted(mineInLead, mineInSide), mine);
    }

    [Fact]
    public async Task ListDeals_WithUnknownStatus_Returns422()
    {
        var account = await Api.CreateAccountAsync();

        using var response = await Api.GetAsync("deals?status=pending", account.AdministratorKey);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "status");
    }

    [Fact]
    public async Task UpdateDeal_TitleValueOwnerAndAttendees_Returns200AndPersists()
    {
        var account = await Api.CreateAccountAsync();
        await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager");
        var dealId = await Api.CreateDealIdAsync(
            account.AdministratorKey, new { title = "Pumps", value = new { amount = 100, currency = "EUR" } });
        var patch = new
        {
            title = "Pumps and valves",
            value = new { amount = 2500.25m, currency = "PLN" },
            ownerId = manager.Id,
            attendeeIds = new[] { account.AdministratorId },
        };

        using var response = await Api.SendAsync(HttpMethod.Patch, $"deals/{dealId}", manager.Key, patch);

        var updated = await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
        var read = await Api.GetDealAsync(manager.Key, dealId);
        Assert.True(JsonNode.DeepEquals(updated, read), $"GET differs from PATCH: {read.ToJsonString()}");
        Assert.Equal("Pumps and valves", (string?)read["title"]);
        Assert.Equal(2500.25m, (decimal?)read["value"]!["amount"]);
        Assert.Equal("PLN", (string?)read["value"]!["currency"]);
        Assert.Equal(manager.Id, (string?)read["ownerId"]);
        Assert.Equal([account.AdministratorId], read["attendeeIds"]!.AsArray().Select(id => (string?)id));
    }

    [Fact]
    public async Task DeleteDeal_AsManager_Returns204ThenDealIsGoneButHistoryIsKept()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager");
        var dealId = await Api.CreateDealIdAsync(manager.Key, new { title = "Pumps" });
        var keptId = await Api.CreateDealIdAsync(manager.Key, new { title = "Valves" });
        await Api.CompleteOkAsync(manager.Key, dealId, process.StepId(0, 0));

        using var response = await Api.SendAsync(HttpMethod.Delete, $"deals/{dealId}", manager.Key);

        await ApiAssert.StatusAsync(response, HttpStatusCode.NoContent);
        using var read = await Api.GetAsync($"deals/{dealId}", manager.Key);
        await ApiAssert.ProblemAsync(read, HttpStatusCode.NotFound);
        Assert.Equal([keptId], await IdsAsync("deals", manager.Key));
        using var again = await Api.CompleteAsync(manager.Key, dealId, process.StepId(0, 1));
        await ApiAssert.ProblemAsync(again, HttpStatusCode.NotFound);
        var history = await Api.ListAllAsync($"deals/{dealId}/history", manager.Key, limit: 10);
        Assert.Equal(["deleted", "stepCompleted", "created"], history.Select(entry => (string?)entry["kind"]));
        Assert.Equal(manager.Id, (string?)history[0]["memberId"]);
    }

    [Fact]
    public async Task DeleteDeal_AsUser_Returns403AndKeepsIt()
    {
        var account = await Api.CreateAccountAsync();
        await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var dealId = await Api.CreateDealIdAsync(user.Key, new { title = "Pumps" });

        using var response = await Api.SendAsync(HttpMethod.Delete, $"deals/{dealId}", user.Key);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        await Api.GetDealAsync(user.Key, dealId);
    }

    [Fact]
    public async Task MoveDeal_ForwardThenBack_StandsInEachStageAndRecordsBothMoves()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.OfSize(3, 1));
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var dealId = await Api.CreateDealIdAsync(user.Key, new { title = "Pumps" });

        var forward = await Api.ExpectAsync(
            HttpMethod.Put, $"deals/{dealId}/stage", user.Key, HttpStatusCode.OK, new { stageId = process.StageId(2) });
        var back = await Api.ExpectAsync(
            HttpMethod.Put, $"deals/{dealId}/stage", user.Key, HttpStatusCode.OK, new { stageId = process.StageId(1) });

        Assert.Equal(process.StageId(2), (string?)forward["stageId"]);
        Assert.Equal(process.StageId(1), (string?)back["stageId"]);
        Assert.Equal(process.StageId(1), (string?)(await Api.GetDealAsync(user.Key, dealId))["stageId"]);
        var moves = (await Api.ListAllAsync($"deals/{dealId}/history", user.Key, limit: 10))
            .Where(entry => (string?)entry["kind"] == "stageChanged")
            .Select(entry => ((string?)entry["fromStageId"], (string?)entry["stageId"]))
            .ToList();
        Assert.Equal([(process.StageId(2), process.StageId(1)), (process.StageId(0), process.StageId(2))], moves);
    }

    [Fact]
    public async Task MoveDeal_ToStageOfNoProcessStageOrWhenClosed_IsRefused()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var other = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Other"));
        var key = account.AdministratorKey;
        var dealId = await Api.CreateDealIdAsync(key, new { title = "Pumps" });

        using var unknown = await Api.SendAsync(
            HttpMethod.Put, $"deals/{dealId}/stage", key, new { stageId = other.StageId(1) });
        await Api.ExpectAsync(HttpMethod.Post, $"deals/{dealId}/win", key, HttpStatusCode.OK);
        using var closed = await Api.SendAsync(
            HttpMethod.Put, $"deals/{dealId}/stage", key, new { stageId = process.StageId(1) });

        await ApiAssert.ProblemAsync(unknown, HttpStatusCode.UnprocessableEntity, "stageId");
        var problem = await ApiAssert.ProblemAsync(closed, HttpStatusCode.Conflict);
        Assert.EndsWith("/deal-not-open", (string?)problem["type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDeal_AfterCompletions_ShowsProgressAndWhoCompletedWhichStep()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var dealId = await Api.CreateDealIdAsync(user.Key, new { title = "Pumps" });
        await Api.CompleteOkAsync(user.Key, dealId, process.StepId(0, 0), new { note = "Budget confirmed" });
        await Api.CompleteOkAsync(account.AdministratorKey, dealId, process.StepId(1, 0));

        var deal = await Api.GetDealAsync(user.Key, dealId);

        // (10 + 20) of 75 weight.
        Assert.Equal(40, (int?)deal["progress"]);
        var steps = deal["steps"]!.AsArray().ToDictionary(step => ApiClient.Text(step!["stepId"]));
        Assert.True((bool?)steps[process.StepId(0, 0)]!["completed"]);
        Assert.Equal(user.Id, (string?)steps[process.StepId(0, 0)]!["completedBy"]);
        Assert.Equal("Budget confirmed", (string?)steps[process.StepId(0, 0)]!["note"]);
        Assert.NotNull(steps[process.StepId(0, 0)]!["completedAt"]);
        Assert.Equal(process.StageId(0), (string?)steps[process.StepId(0, 0)]!["stageId"]);
        Assert.True((bool?)steps[process.StepId(1, 0)]!["completed"]);
        Assert.Equal(account.AdministratorId, (string?)steps[process.StepId(1, 0)]!["completedBy"]);
        Assert.Equal(process.StageId(1), (string?)steps[process.StepId(1, 0)]!["stageId"]);
        Assert.False((bool?)steps[process.StepId(0, 1)]!["completed"]);
        Assert.Null(steps[process.StepId(0, 1)]!["completedBy"]);
        Assert.False((bool?)steps[process.StepId(1, 1)]!["completed"]);
    }

    [Fact]
    public async Task GetHistory_AfterEveryKindOfChange_ListsThemNewestFirstInPages()
    {
        var account = await Api.CreateAccountAsync();
        var admin = account.AdministratorKey;
        var process = await Api.CreateProcessAsync(admin, Drafts.Simple());
        var manager = await Api.CreateMemberAsync(admin, "manager");
        var dealId = await Api.CreateDealIdAsync(manager.Key, new { title = "Pumps" });
        var step = process.StepId(0, 0);
        await Api.ExpectAsync(HttpMethod.Put, $"deals/{dealId}/stage", manager.Key, HttpStatusCode.OK,
            new { stageId = process.StageId(1) });
        await Api.ExpectAsync(HttpMethod.Put, $"deals/{dealId}/stage", admin, HttpStatusCode.OK,
            new { stageId = process.StageId(0) });
        await Api.CompleteOkAsync(manager.Key, dealId, step, new { note = "Qualified" });
        await Api.ExpectAsync(HttpMethod.Patch, $"processes/{process.Id}/stages/{process.StageId(0)}", admin,
            HttpStatusCode.OK, new { name = "Leads" });
        await Api.ExpectAsync(HttpMethod.Delete, $"deals/{dealId}/steps/{step}/completion", admin, HttpStatusCode.OK);
        await Api.ExpectAsync(HttpMethod.Post, $"deals/{dealId}/lose", manager.Key, HttpStatusCode.OK,
            new { reason = "Went silent" });
        await Api.ExpectAsync(HttpMethod.Post, $"deals/{dealId}/reopen", manager.Key, HttpStatusCode.OK);
        await Api.ExpectAsync(HttpMethod.Post, $"deals/{dealId}/win", admin, HttpStatusCode.OK);

        var history = await Api.ListAllAsync($"deals/{dealId}/history", manager.Key, limit: 3);

        Assert.Equal(
            ["won", "reopened", "lost", "stepUncompleted", "stepCompleted", "stageChanged", "stageChanged", "created"],
            history.Select(entry => (string?)entry["kind"]));
        Assert.Equal([8, 7, 6, 5, 4, 3, 2, 1], history.Select(entry => (int?)entry["sequence"]));
        Assert.Equal(
            [account.AdministratorId, manager.Id, manager.Id, account.AdministratorId, manager.Id,
                account.AdministratorId, manager.Id, manager.Id],
            history.Select(entry => (string?)entry["memberId"]));
        Assert.Equal([2, 2, 2, 2, 1, 1, 1, 1], history.Select(entry => (int?)entry["processVersion"]));
        var times = history.Select(entry => entry["at"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal("Went silent", (string?)history[2]["reason"]);
        Assert.Equal(step, (string?)history[3]["stepId"]);
        Assert.Equal(step, (string?)history[4]["stepId"]);
        Assert.Equal("Qualified", (string?)history[4]["note"]);
        Assert.Equal(process.StageId(0), (string?)history[5]["stageId"]);
        Assert.Equal(process.StageId(1), (string?)history[5]["fromStageId"]);
    }

    private async Task<List<string>> IdsAsync(string path, string key) =>
        (await Api.ListAllAsync(path, key, limit: 2)).Select(deal => deal.Id()).Order(StringComparer.Ordinal).ToList();

    private static List<string> Sorted(params string[] ids) => ids.Order(StringComparer.Ordinal).ToList();
}
