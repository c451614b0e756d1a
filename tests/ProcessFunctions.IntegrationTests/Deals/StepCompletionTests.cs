using System.Net;
using System.Text.Json.Nodes;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests.Deals;

/// <summary>
/// Completing and unchecking steps under their rules, with the process of
/// <see cref="Drafts.WithEverySetting"/>: "Qualify the lead" (10, everyone), "Discovery meeting"
/// (20, managers, note required), "Legal review" (30, selected member, note required) and
/// "Contract signed" (40, administrators).
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class StepCompletionTests(AzuriteFixture azurite) : DealTest(azurite)
{
    [Fact]
    public async Task CompleteStep_ByAnyMember_StoresCompletionProgressAndHistoryAndQueuesMessage()
    {
        var (account, process, selected) = await SetUpAsync();
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var dealId = await Api.CreateDealIdAsync(user.Key, new { title = "Pumps" });
        var step = process.StepId(0, 0);

        using var response = await Api.CompleteAsync(user.Key, dealId, step, new { note = " Called the buyer " });

        var completed = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        Assert.Equal($"/api/deals/{dealId}", response.Headers.Location?.ToString());
        Assert.Equal(step, (string?)completed["completion"]!["stepId"]);
        Assert.Equal(user.Id, (string?)completed["completion"]!["completedBy"]);
        Assert.Equal("Called the buyer", (string?)completed["completion"]!["note"]);
        Assert.Equal(1, (int?)completed["completion"]!["processVersion"]);
        Assert.Equal(10, (int?)completed["progress"]);
        Assert.Equal(10, (int?)completed["deal"]!["progress"]);
        var deal = await Api.GetDealAsync(selected.Key, dealId);
        Assert.True(JsonNode.DeepEquals(completed["deal"], deal), $"GET differs: {deal.ToJsonString()}");
        var entry = (await Api.ListAllAsync($"deals/{dealId}/history", user.Key, limit: 1))[0];
        Assert.Equal("stepCompleted", (string?)entry["kind"]);
        Assert.Equal(step, (string?)entry["stepId"]);
        Assert.Equal(user.Id, (string?)entry["memberId"]);
        Assert.Equal("Called the buyer", (string?)entry["note"]);
        var messages = (await StepEffectsQueue.DrainAsync()).OfDeal(dealId).ToList();
        Assert.Equal(["deal.created", "deal.step_completed"], messages.Select(m => (string?)m["type"]));
        var message = messages[1];
        Assert.StartsWith("msg_", message.Id(), StringComparison.Ordinal);
        Assert.Equal(step, (string?)message["stepId"]);
        Assert.Equal(process.StageId(0), (string?)message["stageId"]);
        Assert.Equal(user.Id, (string?)message["actorId"]);
        Assert.Equal(account.Id, (string?)message["accountId"]);
        Assert.Equal(10, (int?)message["progress"]);
    }

    [Fact]
    public async Task CompleteStep_OnLostDeal_Returns409DealNotOpen()
    {
        var (account, process, _) = await SetUpAsync();
        var key = account.AdministratorKey;
        var dealId = await Api.CreateDealIdAsync(key, new { title = "Pumps" });
        await Api.LoseOkAsync(key, dealId, "Price");

        using var response = await Api.CompleteAsync(key, dealId, process.StepId(0, 0));

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.EndsWith("/deal-not-open", (string?)problem["type"], StringComparison.Ordinal);
        Assert.False((bool?)(await Api.GetDealAsync(key, dealId))["steps"]![0]!["completed"]);
    }

    [Fact]
    public async Task CompleteStep_OfStepNotInDealsProcess_Returns404AndRecordsNothing()
    {
        var (account, _, _) = await SetUpAsync();
        var key = account.AdministratorKey;
        var other = await Api.CreateProcessAsync(key, Drafts.Simple("Other"));
        var dealId = await Api.CreateDealIdAsync(key, new { title = "Pumps" });

        using var response = await Api.CompleteAsync(key, dealId, other.StepId(0, 0));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        var history = await Api.ListAllAsync($"deals/{dealId}/history", key, limit: 10);
        Assert.Equal(["created"], history.Select(entry => (string?)entry["kind"]));
    }

    [Fact]
    public async Task CompleteStep_ManagersOnlyStepAsUser_Returns403NamingTheRule()
    {
        var (account, process, _) = await SetUpAsync();
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager");
        var dealId = await Api.CreateDealIdAsync(user.Key, new { title = "Pumps" });
        var step = process.StepId(0, 1);

        using var response = await Api.CompleteAsync(user.Key, dealId, step, new { note = "Met them" });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.EndsWith("/completable-by", (string?)problem["type"], StringComparison.Ordinal);
        Assert.Equal("managers", (string?)problem["completableBy"]!["rule"]);
        Assert.Contains("Discovery meeting", (string?)problem["detail"], StringComparison.Ordinal);
        await Api.CompleteOkAsync(manager.Key, dealId, step, new { note = "Met them" });
    }

    [Fact]
    public async Task CompleteStep_SelectedMembersStep_AllowsOnlyTheSelectedMember()
    {
        var (account, process, selected) = await SetUpAsync();
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager");
        var dealId = await Api.CreateDealIdAsync(manager.Key, new { title = "Pumps" });
        var step = process.StepId(1, 0);

        using var byManager = await Api.CompleteAsync(manager.Key, dealId, step, new { note = "Reviewed" });
        using var byAdministrator = await Api.CompleteAsync(
            account.AdministratorKey, dealId, step, new { note = "Reviewed" });
        using var bySelected = await Api.CompleteAsync(selected.Key, dealId, step, new { note = "Reviewed" });

        var problem = await ApiAssert.ProblemAsync(byManager, HttpStatusCode.Forbidden);
        Assert.Equal("selected", (string?)problem["completableBy"]!["rule"]);
        Assert.Equal([selected.Id], problem["completableBy"]!["memberIds"]!.AsArray().Select(id => (string?)id));
        await ApiAssert.ProblemAsync(byAdministrator, HttpStatusCode.Forbidden);
        var completed = await ApiAssert.StatusAsync(bySelected, HttpStatusCode.Created);
        Assert.Equal(selected.Id, (string?)completed["completion"]!["completedBy"]);
    }

    [Fact]
    public async Task CompleteStep_NoteRequiredWithBlankNoteAndNoFile_Returns422NamingNote()
    {
        var (account, process, _) = await SetUpAsync();
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager");
        var dealId = await Api.CreateDealIdAsync(manager.Key, new { title = "Pumps" });

        using var response = await Api.CompleteAsync(manager.Key, dealId, process.StepId(0, 1), new { note = "  " });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "note");
        Assert.EndsWith("/note-required", (string?)problem["type"], StringComparison.Ordinal);
        Assert.False((bool?)(await Api.GetDealAsync(manager.Key, dealId))["steps"]![1]!["completed"]);
    }

    [Fact]
    public async Task CompleteStep_NoteRequiredWithOnlyAFile_Returns201WithTheFile()
    {
        var (account, process, _) = await SetUpAsync();
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager");
        var dealId = await Api.CreateDealIdAsync(manager.Key, new { title = "Pumps" });
        using var upload = await Api.UploadFileAsync(manager.Key, dealId, [1, 2, 3], "image/png", "minutes.png");
        var fileId = (await ApiAssert.StatusAsync(upload, HttpStatusCode.Created)).Id();

        using var response = await Api.CompleteAsync(
            manager.Key, dealId, process.StepId(0, 1), new { fileIds = new[] { fileId } });

        var completed = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        Assert.Null(completed["completion"]!["note"]);
        Assert.Equal([fileId], completed["completion"]!["fileIds"]!.AsArray().Select(id => (string?)id));
        Assert.Equal(20, (int?)completed["progress"]);
    }

    [Fact]
    public async Task CompleteStep_AlreadyCompleted_Returns409CarryingTheExistingCompletion()
    {
        var (account, process, _) = await SetUpAsync();
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var dealId = await Api.CreateDealIdAsync(user.Key, new { title = "Pumps" });
        var first = await Api.CompleteOkAsync(user.Key, dealId, process.StepId(0, 0), new { note = "First" });

        using var response = await Api.CompleteAsync(
            account.AdministratorKey, dealId, process.StepId(0, 0), new { note = "Second" });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.EndsWith("/step-already-completed", (string?)problem["type"], StringComparison.Ordinal);
        Assert.True(
            JsonNode.DeepEquals(first["completion"], problem["completion"]),
            $"The problem carries {problem["completion"]?.ToJsonString()}");
        var history = await Api.ListAllAsync($"deals/{dealId}/history", user.Key, limit: 10);
        Assert.Equal(["stepCompleted", "created"], history.Select(entry => (string?)entry["kind"]));
    }

    [Fact]
    public async Task UncompleteStep_UnderTheStepsRule_RemovesCompletionAndHistoryKeepsBoth()
    {
        var (account, process, _) = await SetUpAsync();
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager");
        var dealId = await Api.CreateDealIdAsync(user.Key, new { title = "Pumps" });
        var step = process.StepId(0, 1);
        var path = $"deals/{dealId}/steps/{step}/completion";
        await Api.CompleteOkAsync(manager.Key, dealId, step, new { note = "Met them" });
        using var byUser = await Api.SendAsync(HttpMethod.Delete, path, user.Key);

        using var byManager = await Api.SendAsync(HttpMethod.Delete, path, manager.Key);

        var problem = await ApiAssert.ProblemAsync(byUser, HttpStatusCode.Forbidden);
        Assert.Equal("managers", (string?)problem["completableBy"]!["rule"]);
        var deal = await ApiAssert.StatusAsync(byManager, HttpStatusCode.OK);
        Assert.False((bool?)deal["steps"]![1]!["completed"]);
        Assert.Equal(0, (int?)deal["progress"]);
        var history = await Api.ListAllAsync($"deals/{dealId}/history", user.Key, limit: 10);
        Assert.Equal(["stepUncompleted", "stepCompleted", "created"], history.Select(entry => (string?)entry["kind"]));
        Assert.Equal(manager.Id, (string?)history[0]["memberId"]);
        Assert.Equal(step, (string?)history[0]["stepId"]);
        var types = (await StepEffectsQueue.DrainAsync()).OfDeal(dealId).Select(m => (string?)m["type"]);
        Assert.Equal(["deal.created", "deal.step_completed", "deal.step_uncompleted"], types);
    }

    [Fact]
    public async Task UncompleteStep_ThatIsNotCompleted_Returns404()
    {
        var (account, process, _) = await SetUpAsync();
        var dealId = await Api.CreateDealIdAsync(account.AdministratorKey, new { title = "Pumps" });

        using var response = await Api.SendAsync(
            HttpMethod.Delete, $"deals/{dealId}/steps/{process.StepId(0, 0)}/completion", account.AdministratorKey);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CompleteStep_TwentyStepsInParallelOnOneDeal_KeepsEveryCompletion()
    {
        var account = await Api.CreateAccountAsync();
        var key = account.AdministratorKey;
        var process = await Api.CreateProcessAsync(key, Drafts.OfSize(4, 5));
        var dealId = await Api.CreateDealIdAsync(key, new { title = "Pumps" });
        var stepIds = Enumerable.Range(0, 4).SelectMany(stage => Enumerable.Range(0, 5)
            .Select(step => process.StepId(stage, step))).ToList();

        var responses = await Task.WhenAll(stepIds.Select(async stepId =>
        {
            using var response = await Api.CompleteAsync(key, dealId, stepId);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.Created, $"{r.StatusCode}: {r.Body}"));
        var deal = await Api.GetDealAsync(key, dealId);
        Assert.All(deal["steps"]!.AsArray(), step => Assert.True((bool?)step!["completed"]));
        Assert.Equal(100, (int?)deal["progress"]);
        var history = await Api.ListAllAsync($"deals/{dealId}/history", key, limit: 100);
        Assert.Equal(21, history.Count);
        Assert.Equal(
            stepIds.Order(StringComparer.Ordinal),
            history.Where(e => (string?)e["kind"] == "stepCompleted").Select(e => ApiClient.Text(e["stepId"]))
                .Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 21).Reverse(), history.Select(entry => (int)entry["sequence"]!));
        var completedMessages = (await StepEffectsQueue.DrainAsync()).OfDeal(dealId)
            .Where(m => (string?)m["type"] == "deal.step_completed").ToList();
        Assert.Equal(20, completedMessages.Select(m => m.Id()).Distinct().Count());
    }

    /// <summary>An account whose default process has every setting, and the member selected in it.</summary>
    private async Task<(TestAccount Account, VersionedProcess Process, TestMember Selected)> SetUpAsync()
    {
        var account = await Api.CreateAccountAsync();
        var selected = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.WithEverySetting(selected.Id));
        return (account, process, selected);
    }
}
