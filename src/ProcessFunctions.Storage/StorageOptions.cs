namespace ProcessFunctions.Storage;

/// <summary>
/// Where storage is and what its tables, queues and containers are called. Either a
/// connection string (local, Azurite) or service URIs reached with a managed identity (Azure).
/// </summary>
public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }
    public Uri? TableServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }
    public Uri? BlobServiceUri { get; set; }

    /// <summary>The client id of a user-assigned managed identity; the default credential chain when absent.</summary>
    public string? ClientId { get; set; }

    /// <summary>Prepended to every table, queue and container name so that tests never share them.</summary>
    public string NamePrefix { get; set; } = "";

    public string TableName(string name) => NamePrefix + name;

    /// <summary>Queue and container names must be lower case.</summary>
    public string QueueName(string name) => (NamePrefix + name).ToLowerInvariant();
}
