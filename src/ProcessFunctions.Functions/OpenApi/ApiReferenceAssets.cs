using System.Collections.Concurrent;
using System.IO.Compression;
using System.Reflection;

namespace ProcessFunctions.Functions.OpenApi;

/// <summary>A file of the API reference, gzipped.</summary>
public sealed record ReferenceAsset(string Name, string ContentType, byte[] Gzip);

/// <summary>
/// The Scalar API reference's script and icon, read from the Scalar.AspNetCore package, which
/// embeds them (gzipped) in its assembly. Nothing is fetched from elsewhere at run time.
/// </summary>
public static class ApiReferenceAssets
{
    private const string ResourcePrefix = "ScalarStaticAssets.";

    private static readonly Assembly Package = typeof(Scalar.AspNetCore.ScalarOptions).Assembly;
    private static readonly ConcurrentDictionary<string, ReferenceAsset> Loaded = new(StringComparer.Ordinal);

    /// <summary>The only files served; any other name is not found.</summary>
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["scalar.js"] = "text/javascript; charset=utf-8",
        ["favicon.svg"] = "image/svg+xml",
    };

    /// <summary>The package version; the page puts it in the asset URLs, so that they can be cached for good.</summary>
    public static string Version { get; } = Package.GetName().Version?.ToString(3) ?? "0";

    public static IReadOnlyCollection<string> Names => ContentTypes.Keys;

    public static ReferenceAsset? Find(string name) =>
        ContentTypes.TryGetValue(name, out var contentType)
            ? Loaded.GetOrAdd(name, n => new ReferenceAsset(n, contentType, Read(n)))
            : null;

    private static byte[] Read(string name)
    {
        using var resource = Package.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException(
                $"Scalar.AspNetCore {Version} has no embedded '{name}'; check the asset names after updating it.");
        using var buffer = new MemoryStream();
        resource.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return bytes is [0x1f, 0x8b, ..] ? bytes : Compress(bytes);
    }

    private static byte[] Compress(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }
}
