using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProcessFunctions.Functions.Configuration;
using ProcessFunctions.Functions.Http;
using ProcessFunctions.Functions.OpenApi;

namespace ProcessFunctions.ApiDocsTests;

/// <summary>
/// The functions that serve the document and the reference, run in process with the app's own
/// services. Anonymous GETs touch no storage, so no emulator is needed.
/// </summary>
public sealed class OpenApiFunctionsTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly OpenApiFunctions _functions;

    public OpenApiFunctionsTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [AppSettings.StorageConnectionName] = "UseDevelopmentStorage=true",
            })
            .Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddProcessFunctions(configuration, HostKind.DevHost)
            .BuildServiceProvider();
        _functions = ActivatorUtilities.CreateInstance<OpenApiFunctions>(_services);
    }

    [Fact]
    public async Task GetOpenApiDocument_Anonymous_Returns200WithTheDocument()
    {
        var context = Request("/api/openapi.json");

        var result = await _functions.GetOpenApiDocument(context.Request);
        var body = await ExecuteAsync(result, context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.StartsWith("application/json", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal(ApiDocument.Json, body);
        Assert.Equal("ProcessFunctions API", (string?)JsonNode.Parse(body)!["info"]!["title"]);
        Assert.False(string.IsNullOrEmpty(context.Response.Headers[CorrelationId.Header]));
    }

    [Fact]
    public async Task GetApiReference_Anonymous_ReturnsAPageThatLoadsEverythingFromThisApp()
    {
        var context = Request("/api/docs");

        var result = await _functions.GetApiReference(context.Request);
        var html = await ExecuteAsync(result, context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.StartsWith("text/html", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Contains("src=\"/api/docs/scalar.js?v=", html, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"/api/openapi.json\"", html, StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"showDeveloperTools\":\"never\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApiReference_TrailingSlash_KeepsTheSameUrls()
    {
        var context = Request("/api/docs/");

        var html = await ExecuteAsync(await _functions.GetApiReference(context.Request), context);

        Assert.Contains("src=\"/api/docs/scalar.js?v=", html, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"/api/openapi.json\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApiReferenceAsset_AcceptsGzip_ReturnsThePackagesScriptGzipped()
    {
        var context = Request("/api/docs/scalar.js");
        context.Request.Headers.AcceptEncoding = "gzip, deflate, br";

        var result = await _functions.GetApiReferenceAsset(context.Request, "scalar.js");
        await ExecuteAsync(result, context);
        var script = Gunzip(((MemoryStream)context.Response.Body).ToArray());

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("gzip", context.Response.Headers.ContentEncoding.ToString());
        Assert.StartsWith("text/javascript", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Contains("createApiReference", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApiReferenceAsset_NoGzip_ReturnsItUnpacked()
    {
        var context = Request("/api/docs/favicon.svg");

        var body = await ExecuteAsync(await _functions.GetApiReferenceAsset(context.Request, "favicon.svg"), context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.True(string.IsNullOrEmpty(context.Response.Headers.ContentEncoding));
        Assert.Equal("image/svg+xml", context.Response.ContentType);
        Assert.Contains("<svg", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scalar.aspnetcore.js")]
    [InlineData("..")]
    [InlineData("missing.css")]
    public async Task GetApiReferenceAsset_UnknownName_Returns404Problem(string asset)
    {
        var context = Request("/api/docs/" + asset);

        await ExecuteAsync(await _functions.GetApiReferenceAsset(context.Request, asset), context);

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.Equal(ProblemDocument.ContentType, context.Response.ContentType);
    }

    [Fact]
    public void Assets_EveryServedName_IsInThePinnedPackage()
    {
        foreach (var name in ApiReferenceAssets.Names)
        {
            var asset = ApiReferenceAssets.Find(name);

            Assert.NotNull(asset);
            Assert.True(asset.Gzip.Length > 100, $"{name} is nearly empty.");
        }
    }

    public void Dispose() => _services.Dispose();

    private DefaultHttpContext Request(string path)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<string> ExecuteAsync(IActionResult result, HttpContext context)
    {
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
    }

    private static string Gunzip(byte[] gzip)
    {
        using var reader = new StreamReader(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress));
        return reader.ReadToEnd();
    }
}
