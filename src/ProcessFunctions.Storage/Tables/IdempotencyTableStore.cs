using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Storage.Tables;

/// <summary>
/// Table "idempotency", one partition per account: a row per key (hashed, since keys may hold
/// characters that row keys forbid) with the request's hash and, once done, its response.
/// </summary>
public sealed class IdempotencyTableStore(StorageClients storage) : IIdempotencyStore
{
    public const string TableName = "idempotency";
    private readonly TableClient _table = storage.Table(TableName);

    public async Task<bool> TryClaimAsync(
        string scope, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(Claim(scope, key, requestHash, now), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(scope, Row(key), cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } row)
        {
            return null;
        }

        var stored = row.GetInt32("Chunks") is > 0 ? CompressedDocument.Read<StoredResponse>(row) : null;
        return new IdempotencyRecord(
            row.GetString("RequestHash"), row.GetDateTimeOffset("ClaimedAt")!.Value, stored, row.ETag.ToString());
    }

    public async Task<bool> TakeOverAsync(
        string scope, string key, IdempotencyRecord stale, string requestHash, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(
                Claim(scope, key, requestHash, now), new ETag(stale.Tag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        var row = new TableEntity(scope, Row(key));
        CompressedDocument.Write(row, response);
        await _table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken) =>
        await _table.DeleteEntityAsync(scope, Row(key), ETag.All, cancellationToken);

    private static TableEntity Claim(string scope, string key, string requestHash, DateTimeOffset now) =>
        new(scope, Row(key)) { ["RequestHash"] = requestHash, ["ClaimedAt"] = now, ["Chunks"] = 0 };

    private static string Row(string key) =>
        "key|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
