namespace ProcessFunctions.Domain.Deals;

/// <summary>The content of deal files; which files a deal has is recorded on the deal.</summary>
public interface IDealFileStore
{
    Task UploadAsync(
        string accountId, string dealId, DealFile file, Stream content, CancellationToken cancellationToken);

    Task<Stream?> OpenAsync(string accountId, string dealId, string fileId, CancellationToken cancellationToken);
}
