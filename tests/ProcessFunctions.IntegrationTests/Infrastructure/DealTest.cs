extern alias devhost;

using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ProcessFunctions.IntegrationTests.Infrastructure;

/// <summary>
/// A deal or statistics test against its own in-memory host (unique name prefix per test). The
/// queue runner is off unless <see cref="RunQueues"/> says otherwise, so that a test reads the
/// <c>step-effects</c> queue itself and syncs statistics when it chooses.
/// </summary>
public abstract class DealTest(AzuriteFixture azurite) : IAsyncLifetime
{
    private WebApplicationFactory<devhost::Program>? _factory;
    private ApiClient? _api;

    // A property, like ApiTest's factory: disposed in DisposeAsync, which xunit calls.
    private ApiFactory Root { get; } = new(azurite.ConnectionString);

    /// <summary>True to let the dev host run the queue functions (effects, statistics) in the background.</summary>
    protected virtual bool RunQueues => false;

    protected string ConnectionString => azurite.ConnectionString;

    protected string NamePrefix => Root.NamePrefix;

    protected WebApplicationFactory<devhost::Program> Factory => _factory ??= Root.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("DevHost:RunQueues", RunQueues ? "true" : "false");
        builder.UseSetting("AzureFunctionsJobHost:extensions:queues:maxPollingInterval", "00:00:00.200");
        builder.ConfigureTestServices(ConfigureServices);
    });

    protected IServiceProvider Services => Factory.Services;

    protected ApiClient Api => _api ??= new ApiClient(Factory.CreateClient(), Root.ProvisioningKey);

    /// <summary>This test's <c>step-effects</c> queue, read as the effect processor would.</summary>
    protected QueueClient StepEffectsQueue => new(
        ConnectionString, (NamePrefix + "step-effects").ToLowerInvariant(),
        new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>This test's deals table: deal rows, history rows and outbox rows.</summary>
    protected TableClient DealsTable => new(ConnectionString, NamePrefix + "deals");

    protected T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Replaces services for this test's host, such as the clock.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _api?.Http.Dispose();

        // Disposing the root disposes the factory derived from it.
        await Root.DisposeAsync();
    }
}
