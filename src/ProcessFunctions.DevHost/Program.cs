using ProcessFunctions.DevHost;
using ProcessFunctions.Functions.Configuration;
using ProcessFunctions.Functions.Http;
using ProcessFunctions.Storage;

// The local stand-in for the Azure Functions host: serves the same function classes at
// http://localhost:7071/api against Azurite, which it starts when nothing listens yet.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProcessFunctions(builder.Configuration, HostKind.DevHost);
builder.Services.AddSingleton<DemoSeed>();
builder.Services.AddRouting();
builder.Services.AddHostedService<QueueTriggerHost>();

var app = builder.Build();
var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ProcessFunctions.DevHost");
var root = RepositoryRoot.Find();
var settings = app.Configuration.GetSection("DevHost");

var connection = app.Configuration[AppSettings.StorageConnectionName];
if (settings.GetValue("StartAzurite", true) && LocalEmulator.TryGetPorts(connection, out var ports)
    && !Azurite.IsListening(ports.Table))
{
    log.LogInformation("Starting Azurite on ports {Blob}, {Queue} and {Table}", ports.Blob, ports.Queue, ports.Table);
    var azurite = await Azurite.StartAsync(ports.Blob, ports.Queue, ports.Table, Path.Combine(root, ".azurite"));
    app.Lifetime.ApplicationStopped.Register(() => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult());
}

await app.Services.GetRequiredService<StorageInitializer>().InitializeAsync();
var functions = app.MapFunctions(typeof(HttpApi).Assembly);
log.LogInformation("Serving {Count} HTTP functions", functions.Count);

if (settings.GetValue("SeedDemo", true))
{
    var demo = await app.Services.GetRequiredService<DemoSeed>()
        .EnsureAsync(Path.Combine(root, ".devhost", "demo-keys.json"), CancellationToken.None);
    app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(
        $"""

        ProcessFunctions dev host: {string.Join(", ", app.Urls)}/api
          health:        GET /api/health
          demo account:  {demo.AccountId}, process {demo.ProcessId}
          administrator: {demo.Administrator}
          manager:       {demo.Manager}
          user:          {demo.User}
          provisioning:  {app.Configuration[AppSettings.Key(AppSettings.ProvisioningKey)]}

        """));
}

await app.RunAsync();

/// <summary>The dev host's entry point; public so that integration tests can host it in memory.</summary>
public partial class Program;
