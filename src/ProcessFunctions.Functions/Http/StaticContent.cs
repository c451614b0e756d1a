using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ProcessFunctions.Functions.Http;

/// <summary>Answers that are not JSON: an HTML page, and static assets kept gzipped in memory.</summary>
public static class StaticContent
{
    private const string HtmlType = "text/html; charset=utf-8";

    public static ApiResult Html(string html) =>
        new ApiResult(StatusCodes.Status200OK, new MemoryStream(Encoding.UTF8.GetBytes(html)), HtmlType)
            .WithHeader("Cache-Control", "no-cache")
            .WithHeader("X-Content-Type-Options", "nosniff");

    /// <summary>A gzipped asset: sent as it is where the client accepts gzip, unpacked for the others.</summary>
    public static ApiResult Gzipped(HttpRequest request, byte[] gzip, string contentType, string cacheControl)
    {
        var acceptsGzip = request.GetTypedHeaders().AcceptEncoding
            .Any(e => e.Value.Value is "gzip" or "*" && e.Quality is not 0);
        Stream body = acceptsGzip
            ? new MemoryStream(gzip, writable: false)
            : new GZipStream(new MemoryStream(gzip, writable: false), CompressionMode.Decompress);
        var result = new ApiResult(StatusCodes.Status200OK, body, contentType)
            .WithHeader("Cache-Control", cacheControl)
            .WithHeader("Vary", "Accept-Encoding")
            .WithHeader("X-Content-Type-Options", "nosniff");
        return acceptsGzip ? result.WithHeader("Content-Encoding", "gzip") : result;
    }
}
