using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProcessFunctions.IntegrationTests.Infrastructure;
using ProcessFunctions.Storage;

namespace ProcessFunctions.IntegrationTests;

/// <summary>Authentication costs one storage point read for a key not seen yet, then none while it is cached.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class AuthenticationCostTests(AzuriteFixture azurite) : ApiTest(azurite)
{
    [Fact]
    public async Task GetProcess_SecondRequestWithSameKey_MakesExactlyOneStorageRequestFewer()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var fresh = await Api.CreateKeyAsync(account.AdministratorKey, account.AdministratorId);
        var counter = Factory.Services.GetRequiredService<StorageClients>().Counter;

        var first = await CountStorageRequestsAsync(counter, fresh.Key, process.Id);
        var second = await CountStorageRequestsAsync(counter, fresh.Key, process.Id);

        Assert.True(second > 0, "Reading the process made no storage request at all.");
        Assert.Equal(first - 1, second);
    }

    private async Task<long> CountStorageRequestsAsync(StorageRequestCounter counter, string key, string processId)
    {
        var before = counter.Count;
        using var response = await Api.GetAsync($"processes/{processId}", key);
        await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
        return counter.Count - before;
    }
}
