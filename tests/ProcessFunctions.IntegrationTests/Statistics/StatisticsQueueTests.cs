using System.Net;
using System.Text.Json.Nodes;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests.Statistics;

/// <summary>End to end: deal changes through the API reach the statistics by the step-effects queue alone.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class StatisticsQueueTests(AzuriteFixture azurite) : DealTest(azurite)
{
    protected override bool RunQueues => true;

    [Fact]
    public async Task DealChanges_ThroughTheQueue_BecomeStatistics()
    {
        var account = await Api.CreateAccountAsync();
        var key = account.AdministratorKey;
        var process = await Api.CreateProcessAsync(key, Drafts.Simple());
        var wonId = await Api.CreateDealIdAsync(
            key, new { title = "Pumps", value = new { amount = 1200, currency = "EUR" } });
        var openId = await Api.CreateDealIdAsync(
            key, new { title = "Valves", value = new { amount = 750, currency = "PLN" } });
        await Api.CompleteOkAsync(key, wonId, process.StepId(0, 0));
        await Api.ExpectAsync(HttpMethod.Put, $"deals/{wonId}/stage", key, HttpStatusCode.OK,
            new { stageId = process.StageId(1) });
        await Api.ExpectAsync(HttpMethod.Post, $"deals/{wonId}/win", key, HttpStatusCode.OK);
        await Api.CompleteOkAsync(key, openId, process.StepId(0, 1));

        var statistics = await DealHelpers.EventuallyAsync(
            () => Api.ExpectAsync(HttpMethod.Get, $"processes/{process.Id}/statistics", key, HttpStatusCode.OK),
            s => (int?)s["won"]!["count"] == 1 && (int?)s["stages"]![0]!["steps"]![1]!["completed"] == 1,
            "the won deal and the open deal's completion in the statistics");

        Assert.Equal(2, (int?)statistics["deals"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "EUR": 1200 }"""), statistics["won"]!["value"]));
        var lead = statistics["stages"]![0]!;
        Assert.Equal(1, (int?)lead["openDeals"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "PLN": 750 }"""), lead["openValue"]));

        // Meet is 15 of 75 weight.
        Assert.Equal(150m, (decimal?)lead["weightedValue"]!["PLN"]);
        Assert.Equal(2, (int?)lead["reached"]);
        Assert.Equal(1, (int?)lead["reachedLater"]);
        Assert.Equal(1, (int?)lead["steps"]![0]!["completed"]);
        Assert.Equal(1, (int?)statistics["stages"]![1]!["reached"]);
    }
}
