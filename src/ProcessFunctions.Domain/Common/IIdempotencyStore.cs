namespace ProcessFunctions.Domain.Common;

/// <summary>The first response to a request, kept so that a retry with the same key gets it again.</summary>
public sealed record StoredResponse(int Status, string ContentType, string? Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A claimed idempotency key: the hash of the request that claimed it and, once that request
/// finished, its response. A claim without a response is a request still running (or one that died).
/// </summary>
public sealed record IdempotencyRecord(string RequestHash, DateTimeOffset ClaimedAt, StoredResponse? Response, string Tag);

/// <summary>Idempotency keys per account, so that retried POSTs take effect once.</summary>
public interface IIdempotencyStore
{
    /// <summary>Claims the key for a request; false when someone already holds it.</summary>
    Task<bool> TryClaimAsync(string scope, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>Takes over an expired or abandoned claim, guarded by its tag; false when another request won.</summary>
    Task<bool> TakeOverAsync(
        string scope, string key, IdempotencyRecord stale, string requestHash, DateTimeOffset now,
        CancellationToken cancellationToken);

    Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Gives the key back after a failure on our side, so that the retry runs the request.</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);
}
