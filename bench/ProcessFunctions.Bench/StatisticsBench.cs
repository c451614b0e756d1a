using System.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.Domain.Statistics;
using ProcessFunctions.Storage;
using ProcessFunctions.Storage.Tables;

namespace ProcessFunctions.Bench;

/// <summary>
/// The statistics call at 1,000, 10,000 and 100,000 deals (5 owners, 12 creation months), beside
/// a full scan of the same deals computing the same figures, all in one run against Azurite.
/// </summary>
public sealed class StatisticsBench(ApiClient api, string connectionString, string namePrefix)
{
    private static readonly int[] Sizes = [1_000, 10_000, 100_000];
    private const int Owners = 5;
    private const int Months = 12;

    public async Task RunAsync()
    {
        var storage = new StorageClients(new StorageOptions { ConnectionString = connectionString, NamePrefix = namePrefix });
        var deals = new DealTableStore(storage);
        var processStore = new ProcessTableStore(storage);
        var statistics = new StatisticsService(
            new StatisticsTableStore(storage), deals,
            new ProcessCache(processStore, new MemoryCache(new MemoryCacheOptions()), TimeSpan.FromMinutes(5)),
            processStore);

        var rows = new List<(int Size, Percentiles Api, Percentiles Scan, int Reads)>();
        foreach (var size in Sizes)
        {
            var (key, accountId, process) = await SeedAccountAsync(processStore);
            Console.WriteLine($"Seeding {size:N0} deals...");
            var seeded = Stopwatch.StartNew();
            await deals.ImportAsync(accountId, SyntheticDeals.Generate(process, size, Owners, Months), CancellationToken.None);
            await statistics.RebuildAsync(accountId, CancellationToken.None);
            Console.WriteLine($"  seeded and aggregated in {seeded.Elapsed.TotalSeconds:F0} s");

            var apiSamples = await MeasureAsync(30, () => api.SendAsync(
                HttpMethod.Get, $"processes/{process.Id}/statistics", key));
            var scanSamples = await MeasureAsync(size >= 100_000 ? 3 : 5, () => ScanAsync(deals, accountId, process));
            using var scope = StorageRequestCounter.BeginScope();
            await statistics.GetAsync(new Domain.Accounts.Caller(accountId, "bench", Domain.Accounts.MemberRole.Administrator, "bench"),
                process.Id, new StatisticsQuery(null, null, null, null), CancellationToken.None);
            rows.Add((size, apiSamples, scanSamples, scope.Requests.Count));
        }

        Console.WriteLine();
        Console.WriteLine("Pipeline statistics");
        Console.WriteLine($"  {"deals",9} {"API p50 ms",11} {"API p99 ms",11} {"scan p50 ms",12} {"scan/API",9} {"reads",6}");
        foreach (var (size, apiLatency, scan, reads) in rows)
        {
            Console.WriteLine(
                $"  {size,9:N0} {apiLatency.P50,11:F2} {apiLatency.P99,11:F2} {scan.P50,12:F0} {scan.P50 / apiLatency.P50,8:F0}x {reads,6}");
        }

        var growth = rows[^1].Api.P50 / rows[0].Api.P50;
        var speedup = rows[^1].Scan.P50 / rows[^1].Api.P50;
        Console.WriteLine($"  p50 at {Sizes[^1]:N0} / p50 at {Sizes[0]:N0}: {growth:F2}x (target <= 1.50x) {(growth <= 1.5 ? "MET" : "NOT MET")}");
        Console.WriteLine($"  scan / statistics at {Sizes[^1]:N0}: {speedup:F0}x (target >= 50x) {(speedup >= 50 ? "MET" : "NOT MET")}");
    }

    private async Task<(string Key, string AccountId, ProcessDefinition Process)> SeedAccountAsync(
        ProcessTableStore processStore)
    {
        var key = await api.CreateAccountAsync(DevHostProcess.ProvisioningKey);
        var stages = Enumerable.Range(1, 5).Select(s => new
        {
            name = $"Stage {s}",
            steps = Enumerable.Range(1, 3).Select(i => new { name = $"Step {s}.{i}", weight = 5 + i, obligatory = i == 1 }),
        });
        var created = await api.SendAsync(HttpMethod.Post, "processes", key, new { name = "Pipeline", isDefault = true, stages });
        for (var i = 1; i < Owners; i++)
        {
            await api.SendAsync(HttpMethod.Post, "members", key,
                new { displayName = $"Owner {i}", email = $"owner{i}@bench.example", role = "user" });
        }

        // The stored definition, as the statistics service reads it.
        var accountId = key.Split('.')[1];
        var process = (await processStore.FindAsync(accountId, ApiClient.Id(created), CancellationToken.None))!.Definition;
        return (key, accountId, process);
    }

    /// <summary>What answering without aggregates costs: read every deal and sum its contribution.</summary>
    private static async Task ScanAsync(DealTableStore deals, string accountId, ProcessDefinition process)
    {
        var totals = new Counters();
        await foreach (var deal in deals.ScanAsync(accountId, CancellationToken.None))
        {
            totals.Add(DealContribution.Of(deal, process));
        }

        StatisticsReport.Build(process, totals, DealContribution.LabelsOf(process), new StatisticsQuery(null, null, null, null));
    }

    private static async Task<Percentiles> MeasureAsync(int runs, Func<Task> action)
    {
        // Warm-up calls are not measured: the first ones pay for JIT compilation and cold caches.
        for (var i = 0; i < Math.Min(runs, 5); i++)
        {
            await action();
        }

        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new Percentiles(samples);
    }
}
