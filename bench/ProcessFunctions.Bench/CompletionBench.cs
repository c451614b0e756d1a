using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace ProcessFunctions.Bench;

/// <summary>
/// Completions through the API beside the storage floor: the same SDK calls a completion needs
/// (a point read, an entity-group transaction of an update and two inserts, a queue message)
/// made directly against the same Azurite in the same run.
/// </summary>
public sealed class CompletionBench(ApiClient api, string connectionString)
{
    private const int StepsPerDeal = 50;
    private const int Clients = 16;
    private const int DealsPerClient = 3;
    private const int SequentialDeals = 16;

    public async Task RunAsync(string adminKey)
    {
        var stepIds = await CreateProcessAsync(adminKey);
        var floor = new StorageFloor(connectionString);
        await floor.PrepareAsync(Clients + 2);

        Console.WriteLine("Warming up...");
        await CompleteDealsAsync(adminKey, stepIds, deals: 1, clients: 1);
        await floor.RunAsync(StepsPerDeal, clients: 1, firstEntity: 0);

        Console.WriteLine($"Sequential: {SequentialDeals * StepsPerDeal} operations each");
        var floorSequential = await floor.RunAsync(SequentialDeals * StepsPerDeal, clients: 1, firstEntity: 1);
        var apiSequential = await CompleteDealsAsync(adminKey, stepIds, SequentialDeals, clients: 1);

        Console.WriteLine($"Concurrent: {Clients} clients on distinct deals, {Clients * DealsPerClient * StepsPerDeal} operations each");
        var floorConcurrent = await floor.RunAsync(DealsPerClient * StepsPerDeal, Clients, firstEntity: 2);
        var apiConcurrent = await CompleteDealsAsync(adminKey, stepIds, Clients * DealsPerClient, Clients);

        Report.Table("Step completion", [
            ("storage floor (SDK direct)", floorSequential.Latency, floorConcurrent.PerSecond),
            ("completion through the API", apiSequential.Latency, apiConcurrent.PerSecond),
        ]);
        var p50Ratio = apiSequential.Latency.P50 / floorSequential.Latency.P50;
        var p99Ratio = apiSequential.Latency.P99 / floorSequential.Latency.P99;
        var throughputShare = apiConcurrent.PerSecond / floorConcurrent.PerSecond;
        Console.WriteLine($"  p50 ratio API/floor: {p50Ratio:F2}x (target <= 1.50x) {Verdict(p50Ratio <= 1.5)}");
        Console.WriteLine($"  p99 ratio API/floor: {p99Ratio:F2}x");
        Console.WriteLine($"  throughput API/floor: {throughputShare:P0} (target >= 70%) {Verdict(throughputShare >= 0.7)}");
    }

    private static string Verdict(bool met) => met ? "MET" : "NOT MET";

    private async Task<List<string>> CreateProcessAsync(string adminKey)
    {
        var stages = Enumerable.Range(1, 2).Select(s => new
        {
            name = $"Stage {s}",
            steps = Enumerable.Range(1, StepsPerDeal / 2).Select(i => new { name = $"Step {s}.{i}", weight = 1 }),
        });
        var process = await api.SendAsync(HttpMethod.Post, "processes", adminKey,
            new { name = "Bench process", isDefault = true, stages });
        var deal = await api.SendAsync(HttpMethod.Post, "deals", adminKey, new { title = "probe" });
        return ApiClient.StepIds(deal).ToList();
    }

    private async Task<Run> CompleteDealsAsync(string key, List<string> stepIds, int deals, int clients)
    {
        var dealIds = new List<string>();
        for (var i = 0; i < deals; i++)
        {
            dealIds.Add(ApiClient.Id(await api.SendAsync(HttpMethod.Post, "deals", key, new { title = $"Deal {i}" })));
        }

        var samples = new List<double>[clients];
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            samples[client] = [];
            foreach (var dealId in dealIds.Where((_, index) => index % clients == client))
            {
                foreach (var stepId in stepIds)
                {
                    var watch = Stopwatch.StartNew();
                    await api.CompleteAsync(key, dealId, stepId);
                    samples[client].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }));
        var all = samples.SelectMany(s => s).ToList();
        return new Run(new Percentiles(all), all.Count / total.Elapsed.TotalSeconds);
    }
}

public sealed record Run(Percentiles Latency, double PerSecond);

/// <summary>The storage calls of one completion, made directly with the SDK clients.</summary>
public sealed class StorageFloor(string connectionString)
{
    private readonly TableClient _table = new(connectionString, "benchfloor");
    private readonly QueueClient _queue = new(connectionString, "benchfloor",
        new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    private readonly byte[] _document = new byte[1500];
    private long _sequence;

    public async Task PrepareAsync(int entities)
    {
        await _table.CreateIfNotExistsAsync();
        await _queue.CreateIfNotExistsAsync();
        Random.Shared.NextBytes(_document);
        for (var i = 0; i < entities; i++)
        {
            await _table.UpsertEntityAsync(Deal(i));
        }
    }

    /// <summary>Each client works on its own entity, as API clients work on distinct deals.</summary>
    public async Task<Run> RunAsync(int operationsPerClient, int clients, int firstEntity)
    {
        var samples = new List<double>[clients];
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            samples[client] = [];
            var entity = firstEntity + client;
            for (var i = 0; i < operationsPerClient; i++)
            {
                var watch = Stopwatch.StartNew();
                await CompletionAsync(entity);
                samples[client].Add(watch.Elapsed.TotalMilliseconds);
            }
        }));
        var all = samples.SelectMany(s => s).ToList();
        return new Run(new Percentiles(all), all.Count / total.Elapsed.TotalSeconds);
    }

    private async Task CompletionAsync(int entity)
    {
        var current = await _table.GetEntityAsync<TableEntity>("bench", $"deal|{entity}");
        var sequence = Interlocked.Increment(ref _sequence);
        await _table.SubmitTransactionAsync([
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, Deal(entity), current.Value.ETag),
            new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity("bench", $"history|{entity}|{sequence:D19}") { ["Entry"] = new string('h', 300) }),
            new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity("bench", $"outbox|{sequence:D19}") { ["Message"] = new string('m', 600) }),
        ]);
        await _queue.SendMessageAsync(new string('m', 600));
    }

    private TableEntity Deal(int entity) => new("bench", $"deal|{entity}") { ["D0"] = _document, ["Chunks"] = 1 };
}
