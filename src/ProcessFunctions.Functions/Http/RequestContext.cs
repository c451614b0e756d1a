using Microsoft.AspNetCore.Http;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Functions.Http;

/// <summary>What an endpoint gets once the request passed authentication and checks.</summary>
public sealed class RequestContext(HttpRequest request, Caller? caller, CancellationToken cancellationToken)
{
    public HttpRequest Request => request;

    /// <summary>The authenticated member; only anonymous and provisioning endpoints have none.</summary>
    public Caller Caller => caller ?? throw new InvalidOperationException("This endpoint is anonymous.");

    public CancellationToken CancellationToken => cancellationToken;

    public string? IfMatch => request.Headers.IfMatch.Count > 0 ? request.Headers.IfMatch.ToString() : null;

    /// <summary>The page parameters; the store's cursor is taken out of the sealed one the client sent.</summary>
    public Result<PageRequest> Page
    {
        get
        {
            var cursor = Query("cursor");
            if (cursor is null)
            {
                return PageRequest.Parse(Query("limit"), null);
            }

            return PageCursor.TryOpen(cursor, out var storeCursor)
                ? PageRequest.Parse(Query("limit"), storeCursor)
                : PageCursor.Invalid;
        }
    }

    public string? Query(string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    public Task<Result<T>> BodyAsync<T>() where T : class => JsonBody.ReadAsync<T>(request, cancellationToken);

    /// <summary>For endpoints whose body is optional: no body at all means <paramref name="empty"/>.</summary>
    public Task<Result<T>> BodyOrAsync<T>(T empty) where T : class =>
        request.ContentLength is 0 || (request.ContentLength is null && request.ContentType is null)
            ? Task.FromResult<Result<T>>(empty)
            : BodyAsync<T>();

    /// <summary>Reads the page parameters, loads the page and maps its items.</summary>
    public async Task<ApiResult> ListAsync<T, TOut>(
        Func<PageRequest, CancellationToken, Task<Page<T>>> load, Func<T, TOut> map)
    {
        if (!Page.TryGet(out var page, out var problem))
        {
            return ApiResult.Problem(problem);
        }

        var items = await load(page, cancellationToken);
        return ApiResult.Ok(new ListResponse<TOut>(items.Items.Select(map).ToList(), items.NextCursor));
    }

    public string Location(string relative) => $"{request.PathBase}/api/{relative}";
}
