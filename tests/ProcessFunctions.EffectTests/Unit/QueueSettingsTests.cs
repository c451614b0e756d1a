using Microsoft.Extensions.Configuration;
using ProcessFunctions.DevHost;

namespace ProcessFunctions.EffectTests.Unit;

public sealed class QueueSettingsTests
{
    [Fact]
    public void Read_takes_the_repository_host_json_values()
    {
        var settings = QueueSettings.Read(HostJson, new ConfigurationBuilder().Build());

        Assert.Equal(new QueueSettings(8, 4, 5, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(2), "base64"), settings);
    }

    [Fact]
    public void Read_lets_AzureFunctionsJobHost_settings_override_single_values()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
        }).Build();

        var settings = QueueSettings.Read(HostJson, configuration);

        Assert.Equal(2, settings.MaxDequeueCount);
        Assert.Equal(8, settings.BatchSize);
    }

    [Fact]
    public void Discover_finds_each_queue_function_with_its_queue()
    {
        var functions = QueueTriggerHost.Discover(typeof(Functions.Http.HttpApi).Assembly);

        Assert.Subset(
            functions.Select(f => $"{f.Name}:{f.Queue}").ToHashSet(StringComparer.Ordinal),
            new HashSet<string>(StringComparer.Ordinal)
            {
                "ProcessStepEffects:step-effects", "RecordPoisonedStepEffects:step-effects-poison",
                "DeliverWebhook:webhook-deliveries", "RecordPoisonedWebhookDeliveries:webhook-deliveries-poison",
            });
    }

    private static string HostJson => Path.Combine(RepositoryRoot.Find(), "host.json");
}
