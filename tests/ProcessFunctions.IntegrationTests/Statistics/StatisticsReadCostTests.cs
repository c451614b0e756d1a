using System.Net;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Statistics;
using ProcessFunctions.IntegrationTests.Infrastructure;
using ProcessFunctions.Storage;

namespace ProcessFunctions.IntegrationTests.Statistics;

/// <summary>A statistics question reads aggregates per owner and month, never the deals.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class StatisticsReadCostTests(AzuriteFixture azurite) : DealTest(azurite)
{
    [Fact]
    public async Task GetStatistics_Of300DealsInsteadOf10_TakesTheSameStorageRequests()
    {
        // The request runs in the test's execution context, so the scope sees its storage requests.
        Factory.Server.PreserveExecutionContext = true;
        var account = await Api.CreateAccountAsync();
        var seller = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var few = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Few deals"));
        var many = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Many deals"));
        var owners = new[] { account.AdministratorId, seller.Id };
        await Service<IDealStore>().ImportAsync(account.Id, Deals(few, owners, 10), CancellationToken.None);
        await Service<IDealStore>().ImportAsync(account.Id, Deals(many, owners, 300), CancellationToken.None);
        await Service<StatisticsService>().RebuildAsync(account.Id, CancellationToken.None);

        var (fewDeals, fewRequests) = await CountedStatisticsAsync(account.AdministratorKey, few.Id);
        var (manyDeals, manyRequests) = await CountedStatisticsAsync(account.AdministratorKey, many.Id);

        Assert.Equal(10, fewDeals);
        Assert.Equal(300, manyDeals);
        Assert.Equal(fewRequests, manyRequests);

        // At most a request per owner and month asked for (two each), and one more to find them.
        Assert.InRange(manyRequests.Count, 1, 5);
        Assert.All(manyRequests, request =>
        {
            Assert.StartsWith("GET ", request, StringComparison.Ordinal);
            Assert.Contains($"/{NamePrefix}statistics", request, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// Asks twice (the first warms the process cache) and returns the storage requests of the
    /// second, sorted (reads may run in parallel) and with the process id taken out, so that two
    /// processes compare.
    /// </summary>
    private async Task<(int Deals, List<string> Requests)> CountedStatisticsAsync(string key, string processId)
    {
        var path = $"processes/{processId}/statistics?from=2025-01&to=2025-02";
        await Api.ExpectAsync(HttpMethod.Get, path, key, HttpStatusCode.OK);
        using var scope = StorageRequestCounter.BeginScope();
        var statistics = await Api.ExpectAsync(HttpMethod.Get, path, key, HttpStatusCode.OK);
        var requests = scope.Requests
            .Select(request => request.Replace(processId, "{process}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return ((int)statistics["deals"]!, requests);
    }

    /// <summary>Deals spread evenly over two owners and January and February 2025, open in the first stage.</summary>
    private static List<Deal> Deals(VersionedProcess process, string[] owners, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var createdAt = new DateTimeOffset(2025, 1 + (i % 2), 1 + (i % 28), 10, 0, 0, TimeSpan.Zero);
            return new Deal
            {
                Id = Ids.New("deal"), Title = $"Deal {i}", ProcessId = process.Id, OwnerId = owners[i / 2 % 2],
                Value = new Money(100 + i, i % 3 == 0 ? "PLN" : "EUR"), StageId = process.StageId(0),
                StageVisits = [new StageVisit(process.StageId(0), createdAt, null)], CreatedAt = createdAt,
                UpdatedAt = createdAt, Revision = 1,
                Completions = [new StepCompletion(process.StepId(0, 0), owners[0], createdAt, null, [], 1)],
            };
        }).ToList();
}
