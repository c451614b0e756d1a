namespace ProcessFunctions.Storage;

public enum StorageResourceKind
{
    Table,
    Queue,
    Container,
}

/// <summary>A table, queue or blob container some feature needs; each feature registers its own.</summary>
public sealed record StorageResource(StorageResourceKind Kind, string Name);

/// <summary>
/// Creates the tables, queues and containers the app uses when they are missing: in Azure the
/// templates create them first and this finds them; against Azurite it makes them.
/// </summary>
public sealed class StorageInitializer(StorageClients storage, IEnumerable<StorageResource> resources)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        foreach (var resource in resources.Distinct())
        {
            var create = resource.Kind switch
            {
                StorageResourceKind.Table => storage.Table(resource.Name).CreateIfNotExistsAsync(cancellationToken),
                StorageResourceKind.Queue => storage.Queue(resource.Name).CreateIfNotExistsAsync(
                    cancellationToken: cancellationToken),
                _ => (Task)storage.Container(resource.Name).CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            };
            await create;
        }
    }
}
