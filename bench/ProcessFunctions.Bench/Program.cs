using ProcessFunctions.Bench;
using ProcessFunctions.DevHost;

// Usage: dotnet run -c Release --project bench/ProcessFunctions.Bench [completions|statistics|all]
var which = args.FirstOrDefault() ?? "all";

Console.WriteLine("Starting Azurite (in memory) and the dev host...");
await using var azurite = await Azurite.StartInMemoryOnFreePortsAsync();
const string namePrefix = "bench";
await using var host = await DevHostProcess.StartAsync(azurite.ConnectionString, namePrefix);
using var api = new ApiClient(host.BaseAddress);
var adminKey = await api.CreateAccountAsync(DevHostProcess.ProvisioningKey);

if (which is "completions" or "all")
{
    await new CompletionBench(api, azurite.ConnectionString).RunAsync(adminKey);
}

if (which is "statistics" or "all")
{
    await new StatisticsBench(api, azurite.ConnectionString, namePrefix).RunAsync();
}
