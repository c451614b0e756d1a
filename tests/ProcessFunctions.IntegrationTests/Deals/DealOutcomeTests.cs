using System.Net;
using System.Text.Json.Nodes;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests.Deals;

/// <summary>Winning, losing and reopening deals, and what edits of their process do to them.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class DealOutcomeTests(AzuriteFixture azurite) : DealTest(azurite)
{
    [Fact]
    public async Task WinDeal_WithObligatoryStepsOpen_Returns409ListingEachOne()
    {
        var account = await Api.CreateAccountAsync();
        var member = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.WithEverySetting(member.Id));
        var dealId = await Api.CreateDealIdAsync(member.Key, new { title = "Pumps" });

        using var response = await Api.SendAsync(HttpMethod.Post, $"deals/{dealId}/win", member.Key);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.EndsWith("/obligatory-steps-missing", (string?)problem["type"], StringComparison.Ordinal);
        var expected = new JsonArray(
            new JsonObject { ["id"] = process.StepId(0, 0), ["name"] = "Qualify the lead" },
            new JsonObject { ["id"] = process.StepId(1, 1), ["name"] = "Contract signed" });
        Assert.True(JsonNode.DeepEquals(expected, problem["missingSteps"]), problem.ToJsonString());
        Assert.Equal("open", (string?)(await Api.GetDealAsync(member.Key, dealId))["status"]);
    }

    [Fact]
    public async Task WinDeal_AfterObligatoryStepsAreDone_Returns200Won()
    {
        var account = await Api.CreateAccountAsync();
        var key = account.AdministratorKey;
        var member = await Api.CreateMemberAsync(key, "user");
        var process = await Api.CreateProcessAsync(key, Drafts.WithEverySetting(member.Id));
        var dealId = await Api.CreateDealIdAsync(member.Key, new { title = "Pumps" });
        await Api.CompleteOkAsync(member.Key, dealId, process.StepId(0, 0));
        using var halfDone = await Api.SendAsync(HttpMethod.Post, $"deals/{dealId}/win", member.Key);
        await Api.CompleteOkAsync(key, dealId, process.StepId(1, 1));

        using var response = await Api.SendAsync(HttpMethod.Post, $"deals/{dealId}/win", member.Key);

        var stillMissing = await ApiAssert.ProblemAsync(halfDone, HttpStatusCode.Conflict);
        Assert.Equal([process.StepId(1, 1)], stillMissing["missingSteps"]!.AsArray().Select(s => s!.Id()));
        var deal = await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("won", (string?)deal["status"]);
        Assert.NotNull(deal["closedAt"]);
        Assert.Equal(50, (int?)deal["progress"]);
    }

    [Fact]
    public async Task LoseDeal_WithBlankReason_Returns422AndStaysOpen()
    {
        var (key, dealId, _) = await OpenDealAsync();

        using var empty = await Api.SendAsync(HttpMethod.Post, $"deals/{dealId}/lose", key, new { reason = "" });
        using var blank = await Api.SendAsync(HttpMethod.Post, $"deals/{dealId}/lose", key, new { reason = "   " });

        await ApiAssert.ProblemAsync(empty, HttpStatusCode.UnprocessableEntity, "reason");
        await ApiAssert.ProblemAsync(blank, HttpStatusCode.UnprocessableEntity, "reason");
        Assert.Equal("open", (string?)(await Api.GetDealAsync(key, dealId))["status"]);
    }

    [Fact]
    public async Task LoseDeal_WithoutReasonField_Returns400NamingReasonAndStaysOpen()
    {
        var (key, dealId, _) = await OpenDealAsync();

        // A body missing a required field is malformed (400) across the API; a blank value is invalid (422).
        using var response = await Api.SendAsync(HttpMethod.Post, $"deals/{dealId}/lose", key, new { });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "reason");
        Assert.Equal("open", (string?)(await Api.GetDealAsync(key, dealId))["status"]);
    }

    [Fact]
    public async Task LoseDeal_WithReasonThenReopen_IsLostThenOpenAgainInTheSameStage()
    {
        var (key, dealId, process) = await OpenDealAsync();
        await Api.ExpectAsync(HttpMethod.Put, $"deals/{dealId}/stage", key, HttpStatusCode.OK,
            new { stageId = process.StageId(1) });

        var lost = await Api.ExpectAsync(
            HttpMethod.Post, $"deals/{dealId}/lose", key, HttpStatusCode.OK, new { reason = " Chose a competitor " });
        using var loseAgain = await Api.SendAsync(HttpMethod.Post, $"deals/{dealId}/lose", key, new { reason = "x" });
        var reopened = await Api.ExpectAsync(HttpMethod.Post, $"deals/{dealId}/reopen", key, HttpStatusCode.OK);
        using var reopenAgain = await Api.SendAsync(HttpMethod.Post, $"deals/{dealId}/reopen", key);

        Assert.Equal("lost", (string?)lost["status"]);
        Assert.Equal("Chose a competitor", (string?)lost["lostReason"]);
        Assert.NotNull(lost["closedAt"]);
        await ApiAssert.ProblemAsync(loseAgain, HttpStatusCode.Conflict);
        Assert.Equal("open", (string?)reopened["status"]);
        Assert.Null(reopened["lostReason"]);
        Assert.Null(reopened["closedAt"]);
        Assert.Equal(process.StageId(1), (string?)reopened["stageId"]);
        var problem = await ApiAssert.ProblemAsync(reopenAgain, HttpStatusCode.Conflict);
        Assert.EndsWith("/deal-open", (string?)problem["type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateStepWeight_AfterOneDealClosed_ClosedDealKeepsProgressOpenDealFollows()
    {
        var (key, wonId, process) = await OpenDealAsync();
        var openId = await Api.CreateDealIdAsync(key, new { title = "Valves" });
        var lostId = await Api.CreateDealIdAsync(key, new { title = "Gaskets" });
        foreach (var dealId in new[] { wonId, openId, lostId })
        {
            await Api.CompleteOkAsync(key, dealId, process.StepId(0, 0));
        }

        await Api.ExpectAsync(HttpMethod.Post, $"deals/{wonId}/win", key, HttpStatusCode.OK);
        await Api.LoseOkAsync(key, lostId, "Price");

        // Sign's weight 30 becomes 5: the total falls from 75 to 50.
        await Api.ExpectAsync(HttpMethod.Patch,
            $"processes/{process.Id}/stages/{process.StageId(1)}/steps/{process.StepId(1, 1)}", key,
            HttpStatusCode.OK, new { weight = 5 });

        // 10 of 75 when closed; 10 of 50 now.
        Assert.Equal(13, (int?)(await Api.GetDealAsync(key, wonId))["progress"]);
        Assert.Equal(13, (int?)(await Api.GetDealAsync(key, lostId))["progress"]);
        Assert.Equal(20, (int?)(await Api.GetDealAsync(key, openId))["progress"]);
        var reopened = await Api.ExpectAsync(HttpMethod.Post, $"deals/{lostId}/reopen", key, HttpStatusCode.OK);
        Assert.Equal(20, (int?)reopened["progress"]);
    }

    [Fact]
    public async Task DeleteStep_CompletedOnOpenDeal_StopsCountingButHistoryKeepsTheCompletion()
    {
        var (key, dealId, process) = await OpenDealAsync();
        var meet = process.StepId(0, 1);
        await Api.CompleteOkAsync(key, dealId, process.StepId(0, 0));
        var before = await Api.CompleteOkAsync(key, dealId, meet);

        await Api.ExpectAsync(HttpMethod.Delete, $"processes/{process.Id}/stages/{process.StageId(0)}/steps/{meet}",
            key, HttpStatusCode.OK);

        // (10 + 15) of 75 before; 10 of 60 after.
        Assert.Equal(33, (int?)before["progress"]);
        var deal = await Api.GetDealAsync(key, dealId);
        Assert.Equal(17, (int?)deal["progress"]);
        Assert.Equal(2, (int?)deal["processVersion"]);
        Assert.DoesNotContain(meet, deal["steps"]!.AsArray().Select(step => (string?)step!["stepId"]));
        var history = await Api.ListAllAsync($"deals/{dealId}/history", key, limit: 10);
        Assert.Contains(history, e => (string?)e["kind"] == "stepCompleted" && (string?)e["stepId"] == meet);
        using var again = await Api.CompleteAsync(key, dealId, meet);
        await ApiAssert.ProblemAsync(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteStage_HoldingOpenDeals_Returns409AndKeepsStageAndDeals()
    {
        var (key, dealId, process) = await OpenDealAsync();

        using var response = await Api.SendAsync(
            HttpMethod.Delete, $"processes/{process.Id}/stages/{process.StageId(0)}", key);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.EndsWith("/stage-has-open-deals", (string?)problem["type"], StringComparison.Ordinal);
        Assert.Equal(1, (int?)problem["openDeals"]);
        var read = await Api.GetProcessAsync(key, process.Id);
        Assert.Equal(1, read.Version);
        Assert.Equal(process.StageId(0), (string?)(await Api.GetDealAsync(key, dealId))["stageId"]);
    }

    [Fact]
    public async Task DeleteStage_WithMoveDealsTo_MovesOpenDealsAndRemovesTheStage()
    {
        var (key, dealId, process) = await OpenDealAsync();
        var secondId = await Api.CreateDealIdAsync(key, new { title = "Valves" });
        var wonId = await Api.CreateDealIdAsync(key, new { title = "Gaskets" });
        await Api.ExpectAsync(HttpMethod.Post, $"deals/{wonId}/win", key, HttpStatusCode.OK);

        using var response = await Api.SendAsync(HttpMethod.Delete,
            $"processes/{process.Id}/stages/{process.StageId(0)}?moveDealsTo={process.StageId(1)}", key);

        var edited = await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal([process.StageId(1)], edited["stages"]!.AsArray().Select(stage => stage!.Id()));
        foreach (var id in new[] { dealId, secondId })
        {
            var deal = await Api.GetDealAsync(key, id);
            Assert.Equal(process.StageId(1), (string?)deal["stageId"]);
            var moved = (await Api.ListAllAsync($"deals/{id}/history", key, limit: 1))[0];
            Assert.Equal("stageChanged", (string?)moved["kind"]);
            Assert.Equal(process.StageId(0), (string?)moved["fromStageId"]);
        }

        var won = await Api.GetDealAsync(key, wonId);
        Assert.Equal("won", (string?)won["status"]);
        Assert.Equal(process.StageId(0), (string?)won["stageId"]);
    }

    private async Task<(string Key, string DealId, VersionedProcess Process)> OpenDealAsync()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var dealId = await Api.CreateDealIdAsync(account.AdministratorKey, new { title = "Pumps" });
        return (account.AdministratorKey, dealId, process);
    }
}
