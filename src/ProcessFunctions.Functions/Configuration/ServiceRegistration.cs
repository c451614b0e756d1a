using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.Functions.Http;
using ProcessFunctions.Storage;
using ProcessFunctions.Storage.Tables;

namespace ProcessFunctions.Functions.Configuration;

/// <summary>The services behind the functions; the Functions app and the dev host both call this.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddProcessFunctions(
        this IServiceCollection services, IConfiguration configuration, HostKind host)
    {
        services.AddSingleton(StorageSettings.Read(configuration));
        services.AddSingleton<StorageClients>();
        services.AddSingleton<StorageInitializer>();
        services.AddSingleton<IAccountStore, AccountTableStore>();
        services.AddSingleton<IProcessStore, ProcessTableStore>();
        services.AddSingleton(new StorageResource(StorageResourceKind.Table, AccountTableStore.TableName));
        services.AddSingleton(new StorageResource(StorageResourceKind.Table, ProcessTableStore.TableName));

        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        var keyLifetime = TimeSpan.FromSeconds(
            configuration.GetValue<int?>(AppSettings.Key(AppSettings.ApiKeyCacheSeconds)) ?? 60);
        services.AddSingleton(provider => new ApiKeyCache(provider.GetRequiredService<IMemoryCache>(), keyLifetime));
        services.AddSingleton<Authenticator>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<ProcessService>();

        var environment = configuration["AZURE_FUNCTIONS_ENVIRONMENT"] ?? configuration["ASPNETCORE_ENVIRONMENT"];
        services.AddSingleton(new ProvisioningGuard(
            host,
            string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase),
            configuration[AppSettings.Key(AppSettings.ProvisioningKey)]));
        services.AddSingleton<IIdempotencyStore, IdempotencyTableStore>();
        services.AddSingleton(new StorageResource(StorageResourceKind.Table, IdempotencyTableStore.TableName));
        services.AddSingleton<IdempotentRequests>();
        services.AddSingleton<HttpApi>();

        services.AddDeals();
        services.AddSideEffects(configuration);
        return services;
    }
}
