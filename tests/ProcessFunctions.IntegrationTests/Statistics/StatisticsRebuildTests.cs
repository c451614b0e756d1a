using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProcessFunctions.Domain.Statistics;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests.Statistics;

/// <summary>
/// Statistics kept up to date deal by deal must equal statistics rebuilt from the deals: a
/// seeded random history of deals goes through the API, each change synced as the effect
/// processor would, on a clock that moves hours at a time so that stays and months vary.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class StatisticsRebuildTests(AzuriteFixture azurite) : DealTest(azurite)
{
    private const int Operations = 200;
    private const int MaxDeals = 15;

    private static readonly (decimal Amount, string Currency)[] Values =
    [
        (100m, "EUR"), (250.5m, "EUR"), (1234.56m, "EUR"), (99.99m, "PLN"), (5000m, "PLN"), (1000.10m, "PLN"),
    ];

    private static readonly string[] OperationNames =
        ["create", "complete", "uncomplete", "move", "win", "lose", "reopen", "update", "delete"];

    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 1, 20, 9, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, int> _done = new(StringComparer.Ordinal);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public async Task RebuildStatistics_AfterRandomDealHistory_AnswersExactlyWhatTheSyncsBuilt()
    {
        var account = await Api.CreateAccountAsync();
        var key = account.AdministratorKey;
        var manager = await Api.CreateMemberAsync(key, "manager");
        var user = await Api.CreateMemberAsync(key, "user");
        var process = await Api.CreateProcessAsync(key, Drafts.Parse("""
            {
              "name": "Random pipeline",
              "stages": [
                { "name": "Lead", "steps": [ { "name": "Qualify", "weight": 10 }, { "name": "Meet", "weight": 15 } ] },
                { "name": "Offer", "steps": [ { "name": "Propose", "weight": 20 } ] },
                { "name": "Closing", "steps": [
                  { "name": "Sign", "weight": 30, "obligatory": true }, { "name": "Hand over", "weight": 5 } ] }
              ]
            }
            """));
        var pipeline = new Pipeline(key, process, [account.AdministratorId, manager.Id, user.Id], new Random(20251203));
        for (var i = 0; i < Operations; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(pipeline.Random.Next(30, 36 * 60)));
            var dealId = await ApplyRandomOperationAsync(pipeline);
            await Service<StatisticsService>().SyncDealAsync(account.Id, dealId, CancellationToken.None);
        }

        var queries = new[]
        {
            "", $"?ownerId={manager.Id}", "?from=2025-02&to=2025-03", "?currency=PLN", "?currency=EUR&from=2025-03",
        };
        var synced = new List<string>();
        foreach (var query in queries)
        {
            synced.Add(await StatisticsTextAsync(key, process.Id, query));
        }

        await Api.ExpectAsync(HttpMethod.Post, "statistics/rebuild", key, HttpStatusCode.OK);

        Assert.All(OperationNames, operation =>
            Assert.True(_done.GetValueOrDefault(operation) > 0, $"No '{operation}' succeeded."));
        for (var i = 0; i < queries.Length; i++)
        {
            Assert.Equal(synced[i], await StatisticsTextAsync(key, process.Id, queries[i]));
        }
    }

    [Fact]
    public async Task RebuildStatistics_AfterAnAmountWithCentsLeftItsStage_AnswersTheSameText()
    {
        var account = await Api.CreateAccountAsync();
        var key = account.AdministratorKey;
        var process = await Api.CreateProcessAsync(key, Drafts.Simple());
        var cents = await Api.CreateDealIdAsync(
            key, new { title = "Cents", value = new { amount = 1234.56m, currency = "EUR" } });
        var whole = await Api.CreateDealIdAsync(
            key, new { title = "Whole", value = new { amount = 100, currency = "EUR" } });
        var statistics = Service<StatisticsService>();
        await statistics.SyncDealAsync(account.Id, cents, CancellationToken.None);
        await statistics.SyncDealAsync(account.Id, whole, CancellationToken.None);

        // The open value of Lead in euros goes from 1334.56 to 100.
        await Api.ExpectAsync(HttpMethod.Put, $"deals/{cents}/stage", key, HttpStatusCode.OK,
            new { stageId = process.StageId(1) });
        await statistics.SyncDealAsync(account.Id, cents, CancellationToken.None);
        var synced = await StatisticsTextAsync(key, process.Id, "");
        await Api.ExpectAsync(HttpMethod.Post, "statistics/rebuild", key, HttpStatusCode.OK);

        Assert.Equal(synced, await StatisticsTextAsync(key, process.Id, ""));
    }

    /// <summary>One random change to a random deal; returns the deal it touched.</summary>
    private async Task<string> ApplyRandomOperationAsync(Pipeline pipeline)
    {
        var random = pipeline.Random;
        if (pipeline.Deals.Count < 3 || (pipeline.Deals.Count < MaxDeals && random.Next(6) == 0))
        {
            var created = await Api.CreateDealAsync(pipeline.Key, new Dictionary<string, object?>
            {
                ["title"] = $"Deal {pipeline.Deals.Count}",
                ["ownerId"] = pipeline.Pick(pipeline.Owners),
                ["value"] = RandomValue(random),
                ["stageId"] = random.Next(3) == 0 ? pipeline.Pick(pipeline.StageIds) : null,
            });
            pipeline.Deals.Add(created.Id());
            Count("create");
            return created.Id();
        }

        var dealId = pipeline.Pick(pipeline.Deals);
        var path = $"deals/{dealId}";
        var roll = random.Next(100);
        var (operation, response) = roll switch
        {
            < 30 => ("complete", await Api.CompleteAsync(pipeline.Key, dealId, pipeline.Pick(pipeline.StepIds))),
            < 40 => ("uncomplete", await Api.SendAsync(
                HttpMethod.Delete, $"{path}/steps/{pipeline.Pick(pipeline.StepIds)}/completion", pipeline.Key)),
            < 55 => ("move", await Api.SendAsync(
                HttpMethod.Put, $"{path}/stage", pipeline.Key, new { stageId = pipeline.Pick(pipeline.StageIds) })),
            < 63 => ("win", await Api.SendAsync(HttpMethod.Post, $"{path}/win", pipeline.Key)),
            < 73 => ("lose", await Api.SendAsync(
                HttpMethod.Post, $"{path}/lose", pipeline.Key, new { reason = "Price" })),
            < 83 => ("reopen", await Api.SendAsync(HttpMethod.Post, $"{path}/reopen", pipeline.Key)),
            < 97 => ("update", await Api.SendAsync(HttpMethod.Patch, path, pipeline.Key, RandomPatch(pipeline))),
            _ => ("delete", await Api.SendAsync(HttpMethod.Delete, path, pipeline.Key)),
        };
        using (response)
        {
            // Refusals are part of a random history (a step already done, a deal not open); failures are not.
            HttpStatusCode[] allowed = operation switch
            {
                "complete" => [HttpStatusCode.Created, HttpStatusCode.Conflict],
                "uncomplete" => [HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Conflict],
                "update" => [HttpStatusCode.OK],
                "delete" => [HttpStatusCode.NoContent],
                _ => [HttpStatusCode.OK, HttpStatusCode.Conflict],
            };
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(allowed.Contains(response.StatusCode), $"{operation} answered {response.StatusCode}: {body}");
            if ((int)response.StatusCode < 300)
            {
                Count(operation);
            }
        }

        if (operation == "delete")
        {
            pipeline.Deals.Remove(dealId);
        }

        return dealId;
    }

    private static Dictionary<string, object?> RandomPatch(Pipeline pipeline)
    {
        var patch = new Dictionary<string, object?>();
        if (pipeline.Random.Next(2) == 0)
        {
            patch["ownerId"] = pipeline.Pick(pipeline.Owners);
        }

        if (patch.Count == 0 || pipeline.Random.Next(2) == 0)
        {
            patch["value"] = RandomValue(pipeline.Random);
        }

        return patch;
    }

    /// <summary>A value from the list, or none at all one time in five.</summary>
    private static object? RandomValue(Random random)
    {
        var index = random.Next(Values.Length + 1);
        if (index == Values.Length || random.Next(5) == 0)
        {
            return null;
        }

        return new { amount = Values[index].Amount, currency = Values[index].Currency };
    }

    private async Task<string> StatisticsTextAsync(string key, string processId, string query)
    {
        using var response = await Api.GetAsync($"processes/{processId}/statistics{query}", key);
        await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private void Count(string operation) => _done[operation] = _done.GetValueOrDefault(operation) + 1;

    /// <summary>The ids the random operations pick from, and the deals not deleted yet.</summary>
    private sealed class Pipeline(string key, VersionedProcess process, string[] owners, Random random)
    {
        public string Key => key;
        public Random Random => random;
        public string[] Owners => owners;
        public List<string> Deals { get; } = [];

        public List<string> StageIds { get; } =
            Enumerable.Range(0, process.Stages.Count).Select(process.StageId).ToList();

        public List<string> StepIds { get; } = process.Stages
            .SelectMany(stage => stage!["steps"]!.AsArray().Select(step => ApiClient.Text(step!["id"]))).ToList();

        public string Pick(IReadOnlyList<string> ids) => ids[random.Next(ids.Count)];
    }
}
