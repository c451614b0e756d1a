using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Functions.Http;

/// <summary>
/// Makes POSTs safe to retry: with an <c>Idempotency-Key</c>, the first request claims the key
/// and its response is kept for 24 hours; a retry with the same key and body gets that response
/// again without running, the same key with another body gets 422.
/// </summary>
public sealed class IdempotentRequests(IIdempotencyStore store, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    // A claim with no response this old belongs to a request that died; a retry may take it over.
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    public async Task<ApiResult> RunAsync(
        HttpRequest request, string scope, Func<Task<ApiResult>> execute, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.Headers.TryGetValue(Header, out var values))
        {
            return await execute();
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl))
        {
            return ApiResult.Problem(Problem.Invalid(Header, $"Must be 1 to {MaxKeyLength} printable characters.")
                with { Kind = ProblemKind.BadRequest });
        }

        var hash = await HashAsync(request, cancellationToken);
        var now = clock.GetUtcNow();
        if (await store.TryClaimAsync(scope, key, hash, now, cancellationToken))
        {
            return await ExecuteAsync(request, scope, key, execute, cancellationToken);
        }

        var record = await store.FindAsync(scope, key, cancellationToken);
        if (record is null || now - record.ClaimedAt > Retention
            || (record.Response is null && record.RequestHash == hash && now - record.ClaimedAt > Abandoned))
        {
            var taken = record is null
                ? await store.TryClaimAsync(scope, key, hash, now, cancellationToken)
                : await store.TakeOverAsync(scope, key, record, hash, now, cancellationToken);
            return taken ? await ExecuteAsync(request, scope, key, execute, cancellationToken) : InProgress();
        }

        if (record.RequestHash != hash)
        {
            return ApiResult.Problem(new Problem(ProblemKind.Validation, "idempotency-key-reused",
                "The idempotency key was used for another request.",
                "A retry must repeat the first request exactly; use a new key for a new request.",
                new FieldErrors().Add(Header, "Was used with another method, path or body.").ToDictionary()));
        }

        return record.Response is { } stored ? ApiResult.Replay(stored).WithHeader("Idempotent-Replayed", "true") : InProgress();
    }

    private async Task<ApiResult> ExecuteAsync(
        HttpRequest request, string scope, string key, Func<Task<ApiResult>> execute, CancellationToken cancellationToken)
    {
        ApiResult result;
        try
        {
            result = await execute();
        }
        catch
        {
            await store.ReleaseAsync(scope, key, CancellationToken.None);
            throw;
        }

        if (result.Status >= 500)
        {
            await store.ReleaseAsync(scope, key, CancellationToken.None);
            return result;
        }

        var (contentType, _) = result.Body is null ? ("", (object)"") : result.Document(request.HttpContext);
        var stored = new StoredResponse(result.Status, contentType, result.Serialize(request.HttpContext),
            result.Headers.ToDictionary(h => h.Key, h => h.Value));
        await store.CompleteAsync(scope, key, stored, cancellationToken);
        return result;
    }

    private static ApiResult InProgress() => ApiResult.Problem(Problem.Conflict(
        "request-in-progress", "A request with this idempotency key is still running; retry shortly."))
        .WithHeader("Retry-After", "1");

    /// <summary>Method, path and body identify "the same request"; the body is rewound for the endpoint.</summary>
    private static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[64 * 1024];
        int count;
        while ((count = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, count);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
