using ProcessFunctions.DevHost;

namespace ProcessFunctions.IntegrationTests.Infrastructure;

/// <summary>Every API test shares one in-memory Azurite; each test still gets its own tables.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "API against Azurite";
}

/// <summary>Starts Azurite on free loopback ports once per test run and stops it at the end.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public string ConnectionString =>
        _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() => _azurite = await Azurite.StartInMemoryOnFreePortsAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
