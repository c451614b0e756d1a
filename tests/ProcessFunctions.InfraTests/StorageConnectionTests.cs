using Microsoft.Extensions.Configuration;
using ProcessFunctions.Functions.Configuration;
using ProcessFunctions.Storage;

namespace ProcessFunctions.InfraTests;

/// <summary>The two ways the app reaches storage: identity-based service URIs in Azure, a connection string locally.</summary>
public sealed class StorageConnectionTests
{
    private const string DevelopmentKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void StorageSettings_WithServiceUris_UseManagedIdentityAgainstThoseEndpoints()
    {
        var configuration = Configuration(new()
        {
            ["ProcessStorage__tableServiceUri"] = "https://stpf.table.core.windows.net/",
            ["ProcessStorage__queueServiceUri"] = "https://stpf.queue.core.windows.net/",
            ["ProcessStorage__blobServiceUri"] = "https://stpf.blob.core.windows.net/",
            ["ProcessStorage__credential"] = "managedidentity",
            ["ProcessStorage__clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var storage = new StorageClients(StorageSettings.Read(configuration));

        Assert.True(storage.UsesManagedIdentity);
        Assert.Equal("stpf.table.core.windows.net", storage.Tables.Uri.Host);
        Assert.Equal("stpf.queue.core.windows.net", storage.Queues.Uri.Host);
        Assert.Equal("stpf.blob.core.windows.net", storage.Blobs.Uri.Host);
        Assert.Equal("00000000-0000-0000-0000-000000000001", storage.Options.ClientId);
    }

    [Fact]
    public void StorageSettings_WithConnectionString_UseItsAccountAndEndpoints()
    {
        var configuration = Configuration(new()
        {
            ["ProcessStorage"] =
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};" +
                "TableEndpoint=http://127.0.0.1:10102/devstoreaccount1;" +
                "QueueEndpoint=http://127.0.0.1:10101/devstoreaccount1;" +
                "BlobEndpoint=http://127.0.0.1:10100/devstoreaccount1;",
        });

        var storage = new StorageClients(StorageSettings.Read(configuration));

        Assert.False(storage.UsesManagedIdentity);
        Assert.Equal(10102, storage.Tables.Uri.Port);
        Assert.Equal(10101, storage.Queues.Uri.Port);
        Assert.Equal(10100, storage.Blobs.Uri.Port);
        Assert.Equal("devstoreaccount1", storage.Tables.AccountName);
    }

    [Fact]
    public void StorageSettings_WithNeither_RefuseToStartWithAClearMessage()
    {
        var configuration = Configuration([]);

        var error = Assert.Throws<InvalidOperationException>(() => new StorageClients(StorageSettings.Read(configuration)));

        Assert.Contains("connection string", error.Message, StringComparison.Ordinal);
    }

    // App settings arrive as environment variables, where a double underscore separates sections.
    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => AppSettings.Key(s.Key), s => s.Value))
            .Build();
}
