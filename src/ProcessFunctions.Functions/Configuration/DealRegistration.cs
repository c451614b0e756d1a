using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.Domain.Statistics;
using ProcessFunctions.Storage;
using ProcessFunctions.Storage.Blobs;
using ProcessFunctions.Storage.Outbox;
using ProcessFunctions.Storage.Tables;

namespace ProcessFunctions.Functions.Configuration;

/// <summary>Deals: their store, the outbox dispatcher and the services behind the deal endpoints.</summary>
public static class DealRegistration
{
    /// <summary>How long another instance may complete steps against a process version that was just replaced.</summary>
    public static readonly TimeSpan ProcessCacheLifetime = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddDeals(this IServiceCollection services)
    {
        services.AddSingleton(new StorageResource(StorageResourceKind.Table, DealTableStore.TableName));
        services.AddSingleton(new StorageResource(StorageResourceKind.Queue, QueueOutboxDispatcher.QueueName));
        services.AddSingleton(new StorageResource(StorageResourceKind.Queue, QueueOutboxDispatcher.QueueName + "-poison"));
        services.AddSingleton(new StorageResource(StorageResourceKind.Container, DealFileBlobStore.ContainerName));

        services.AddSingleton(provider => new ProcessCache(
            provider.GetRequiredService<IProcessStore>(), provider.GetRequiredService<IMemoryCache>(),
            ProcessCacheLifetime));
        services.AddSingleton<IDealStore, DealTableStore>();
        services.AddSingleton<IDealFileStore, DealFileBlobStore>();
        services.AddSingleton<DealService>();
        services.AddSingleton(new StorageResource(StorageResourceKind.Table, StatisticsTableStore.TableName));
        services.AddSingleton<IStatisticsStore, StatisticsTableStore>();
        services.AddSingleton<StatisticsService>();
        services.AddSingleton<DealFileService>();

        services.AddSingleton(new OutboxOptions());
        services.AddSingleton<QueueOutboxDispatcher>();
        services.AddSingleton<IOutboxDispatcher>(provider => provider.GetRequiredService<QueueOutboxDispatcher>());
        services.AddSingleton<OutboxCleanup>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxCleanup>());
        services.AddSingleton<OutboxSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxSweeper>());
        return services;
    }
}
