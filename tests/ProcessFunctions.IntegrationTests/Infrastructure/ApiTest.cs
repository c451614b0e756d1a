namespace ProcessFunctions.IntegrationTests.Infrastructure;

/// <summary>
/// A test against its own in-memory host: xunit makes a new instance per test, so every test
/// gets a fresh factory with a unique table prefix, disposed when the test ends.
/// </summary>
public abstract class ApiTest(AzuriteFixture azurite) : IAsyncLifetime
{
    private ApiClient? _api;

    protected ApiFactory Factory { get; } = new(azurite.ConnectionString);

    protected ApiClient Api => _api ??= new ApiClient(Factory.CreateClient(), Factory.ProvisioningKey);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _api?.Http.Dispose();
        await Factory.DisposeAsync();
    }
}
