using Microsoft.Extensions.Configuration;
using ProcessFunctions.Storage;

namespace ProcessFunctions.Functions.Configuration;

/// <summary>
/// Reads the storage connection the way the Functions host reads its own: either a plain
/// connection string under the connection name, or a section with service URIs for a managed identity.
/// </summary>
public static class StorageSettings
{
    public static StorageOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(AppSettings.StorageConnectionName);
        return new StorageOptions
        {
            ConnectionString = section.Value,
            TableServiceUri = Uri(configuration, AppSettings.StorageTableServiceUri),
            QueueServiceUri = Uri(configuration, AppSettings.StorageQueueServiceUri),
            BlobServiceUri = Uri(configuration, AppSettings.StorageBlobServiceUri),
            ClientId = configuration[AppSettings.Key(AppSettings.StorageClientId)],
            NamePrefix = configuration[AppSettings.Key(AppSettings.StorageNamePrefix)] ?? "",
        };
    }

    private static Uri? Uri(IConfiguration configuration, string setting) =>
        configuration[AppSettings.Key(setting)] is { Length: > 0 } value ? new Uri(value) : null;
}
