using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.OpenApi;

/// <summary>
/// The OpenAPI description of the API and the interactive reference built on it. Anonymous, and
/// functions like every other route, so that the Functions host and the dev host both serve them.
/// </summary>
public sealed class OpenApiFunctions(HttpApi api)
{
    [Function(nameof(GetOpenApiDocument))]
    public Task<IActionResult> GetOpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        api.RunAsync(request, Access.Anonymous, [], _ => Task.FromResult(
            new ApiResult(StatusCodes.Status200OK, new RawJson(ApiDocument.Json))
                .WithHeader("Cache-Control", "no-cache")));

    [Function(nameof(GetApiReference))]
    public Task<IActionResult> GetApiReference(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs")] HttpRequest request) =>
        api.RunAsync(request, Access.Anonymous, [], _ => Task.FromResult(
            StaticContent.Html(ApiReferencePage.Render(request.PathBase + request.Path))));

    [Function(nameof(GetApiReferenceAsset))]
    public Task<IActionResult> GetApiReferenceAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/{asset}")] HttpRequest request,
        string asset) =>
        api.RunAsync(request, Access.Anonymous, [], _ => Task.FromResult(ApiReferenceAssets.Find(asset) is { } found
            // The page asks for the assets with the package version in the query, so they never go stale.
            ? StaticContent.Gzipped(request, found.Gzip, found.ContentType, "public, max-age=31536000, immutable")
            : ApiResult.Problem(Problem.NotFound("asset"))));
}
