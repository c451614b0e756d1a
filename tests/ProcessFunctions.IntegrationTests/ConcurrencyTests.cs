using System.Net;
using System.Text.Json.Nodes;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests;

/// <summary>
/// Concurrent edits: with the same If-Match exactly one wins and the other gets 412; single
/// changes without If-Match are re-applied on the newer version, so none is lost.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ConcurrencyTests(AzuriteFixture azurite) : ApiTest(azurite)
{
    [Fact]
    public async Task ReplaceProcess_TwoConcurrentWithSameIfMatch_OneSucceedsAndOneIs412()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var path = $"processes/{process.Id}";

        var responses = await Task.WhenAll(
            Api.SendAsync(HttpMethod.Put, path, account.AdministratorKey, Drafts.Simple("Alice's"), process.ETag),
            Api.SendAsync(HttpMethod.Put, path, account.AdministratorKey, Drafts.Simple("Bob's"), process.ETag));

        var winner = await AssertOneWinnerAsync(responses);
        var read = await Api.GetProcessAsync(account.AdministratorKey, process.Id);
        Assert.Equal(2, read.Version);
        ApiAssert.JsonEqual(winner, read.Body, "The loser's document was saved");
        await AssertVersionCountAsync(account.AdministratorKey, process.Id, 2);
    }

    [Fact]
    public async Task UpdateStep_TwoConcurrentWithSameIfMatch_OneSucceedsAndOneIs412()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var path = $"processes/{process.Id}/stages/{process.StageId(0)}/steps/{process.StepId(0, 0)}";

        var responses = await Task.WhenAll(
            Api.SendAsync(HttpMethod.Patch, path, account.AdministratorKey, new { weight = 1 }, process.ETag),
            Api.SendAsync(HttpMethod.Patch, path, account.AdministratorKey, new { name = "Renamed" }, process.ETag));

        var winner = await AssertOneWinnerAsync(responses);
        var read = await Api.GetProcessAsync(account.AdministratorKey, process.Id);
        Assert.Equal(2, read.Version);
        ApiAssert.JsonEqual(winner, read.Body, "The loser's change was saved");
        var step = read.Stages[0]!["steps"]![0]!;
        Assert.True((int?)step["weight"] == 1 ^ (string?)step["name"] == "Renamed", $"Not exactly one change: {step}");
        await AssertVersionCountAsync(account.AdministratorKey, process.Id, 2);
    }

    [Fact]
    public async Task AddStage_TenConcurrentWithoutIfMatch_AllLand()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.OfSize(stages: 0, steps: 0));
        var names = Enumerable.Range(0, 10).Select(i => $"Stage {i}").ToList();

        var responses = await Task.WhenAll(names.Select(name => Api.SendAsync(
            HttpMethod.Post, $"processes/{process.Id}/stages", account.AdministratorKey, new { name })));

        foreach (var response in responses)
        {
            using (response)
            {
                await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
            }
        }

        var read = await Api.GetProcessAsync(account.AdministratorKey, process.Id);
        Assert.Equal(process.Version + 10, read.Version);
        Assert.Equal(names, read.Stages.Select(stage => (string)stage!["name"]!).Order(StringComparer.Ordinal));
        Assert.Equal(10, read.Stages.Select(stage => (string?)stage!["id"]).Distinct().Count());
        await AssertVersionCountAsync(account.AdministratorKey, process.Id, 11);
    }

    [Fact]
    public async Task UpdateStep_TenConcurrentOnDifferentStepsWithoutIfMatch_AllLand()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.OfSize(stages: 1, steps: 10));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Api.SendAsync(HttpMethod.Patch,
            $"processes/{process.Id}/stages/{process.StageId(0)}/steps/{process.StepId(0, i)}",
            account.AdministratorKey, new { weight = 50 + i })));

        foreach (var response in responses)
        {
            using (response)
            {
                await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
            }
        }

        var read = await Api.GetProcessAsync(account.AdministratorKey, process.Id);
        Assert.Equal(process.Version + 10, read.Version);
        Assert.Equal(Enumerable.Range(50, 10), read.Stages[0]!["steps"]!.AsArray().Select(s => (int)s!["weight"]!));
    }

    /// <summary>Exactly one 200 and one 412; returns the winner's body.</summary>
    private static async Task<JsonObject> AssertOneWinnerAsync(HttpResponseMessage[] responses)
    {
        try
        {
            var statuses = responses.Select(r => (int)r.StatusCode).Order().ToList();
            Assert.True(
                statuses.SequenceEqual([200, 412]), $"Expected one 200 and one 412, got {string.Join(", ", statuses)}");
            await ApiAssert.ProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.PreconditionFailed),
                HttpStatusCode.PreconditionFailed);
            return await ApiAssert.StatusAsync(responses.Single(r => r.IsSuccessStatusCode), HttpStatusCode.OK);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    private async Task AssertVersionCountAsync(string key, string processId, int count)
    {
        using var response = await Api.GetAsync($"processes/{processId}/versions", key);
        var versions = (await ApiAssert.StatusAsync(response, HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, count), versions.Select(v => (int)v!["version"]!));
    }
}
