using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ProcessFunctions.Domain.Deals;

namespace ProcessFunctions.Storage.Blobs;

/// <summary>Container "deal-files": one blob per file under account/deal/file, its content type kept.</summary>
public sealed class DealFileBlobStore(StorageClients storage) : IDealFileStore
{
    public const string ContainerName = "deal-files";

    private readonly BlobContainerClient _container = storage.Container(ContainerName);

    public async Task UploadAsync(
        string accountId, string dealId, DealFile file, Stream content, CancellationToken cancellationToken) =>
        await Blob(accountId, dealId, file.Id).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        }, cancellationToken);

    public async Task<Stream?> OpenAsync(
        string accountId, string dealId, string fileId, CancellationToken cancellationToken)
    {
        try
        {
            return await Blob(accountId, dealId, fileId).OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private BlobClient Blob(string accountId, string dealId, string fileId) =>
        _container.GetBlobClient($"{accountId}/{dealId}/{fileId}");
}
