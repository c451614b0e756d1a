using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Deals;

/// <summary>Files kept as notes' proof on a deal: stored first, then recorded on the deal.</summary>
public sealed class DealFileService(DealService deals, IDealStore store, IDealFileStore files, TimeProvider clock)
{
    public async Task<Result<DealFile>> UploadAsync(
        Caller caller, string dealId, string? name, string? contentType, byte[] content, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (content.Length == 0)
        {
            errors.Add("body", "The file is empty.");
        }

        if (string.IsNullOrWhiteSpace(contentType) || contentType.Length > 200)
        {
            errors.Add("Content-Type", "Send the file's content type.");
        }

        if (name is { Length: > Limits.NameLength } || name?.Any(char.IsControl) == true)
        {
            errors.Add("name", $"Must be at most {Limits.NameLength} characters without control characters.");
        }

        if (errors.Any)
        {
            return Problem.Invalid(errors);
        }

        var stored = await store.FindAsync(caller.AccountId, dealId, cancellationToken);
        if (stored is null || stored.Deal.Deleted)
        {
            return Problem.NotFound("deal");
        }

        var id = Ids.New("file");
        var file = new DealFile(id, string.IsNullOrWhiteSpace(name) ? id : name.Trim(), contentType!, content.Length,
            caller.MemberId, clock.GetUtcNow());
        await files.UploadAsync(caller.AccountId, dealId, file, new MemoryStream(content), cancellationToken);
        return await deals.AddFileAsync(caller, dealId, file, cancellationToken);
    }

    public async Task<Result<(DealFile File, Stream Content)>> DownloadAsync(
        Caller caller, string dealId, string fileId, CancellationToken cancellationToken)
    {
        var found = await deals.FindFileAsync(caller, dealId, fileId, cancellationToken);
        if (!found.TryGet(out var file, out var problem))
        {
            return problem;
        }

        var content = await files.OpenAsync(caller.AccountId, dealId, fileId, cancellationToken);
        return content is null ? Problem.NotFound("file") : (file, content);
    }
}
