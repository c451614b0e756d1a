using ProcessFunctions.Storage.Tables;

namespace ProcessFunctions.Storage;

/// <summary>
/// Creates the tables, queues and containers the app uses when they are missing: in Azure the
/// templates create them first and this finds them; against Azurite it makes them.
/// </summary>
public sealed class StorageInitializer(StorageClients storage)
{
    public static readonly string[] TableNames = [AccountTableStore.TableName, ProcessTableStore.TableName];

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        foreach (var name in TableNames)
        {
            await storage.Table(name).CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
