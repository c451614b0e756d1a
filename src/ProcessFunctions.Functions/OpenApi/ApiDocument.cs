using System.Globalization;
using System.Reflection;
using Microsoft.OpenApi;

namespace ProcessFunctions.Functions.OpenApi;

/// <summary>
/// The OpenAPI 3.1 description of the HTTP API: the routes come from the functions' attributes,
/// what each one reads and answers from <see cref="ApiDescriptions"/>, the schemas from the C# types.
/// </summary>
public static class ApiDocument
{
    /// <summary>Where the operations live, relative to the document (which is at <c>/api/openapi.json</c>).</summary>
    public const string ServerUrl = "/api";

    private static readonly Lazy<string> AppJson = new(() => ToJson(Build(typeof(ApiDocument).Assembly)));

    /// <summary>The document of this app, built once: it only changes with the code.</summary>
    public static string Json => AppJson.Value;

    /// <summary>Describes those HTTP functions of <paramref name="assembly"/> that ApiDescriptions names.</summary>
    public static OpenApiDocument Build(Assembly assembly) =>
        new ApiDocumentBuilder(HttpRoutes.Discover(assembly), ApiDescriptions.Operations).Build();

    public static string ToJson(OpenApiDocument document)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return text.ToString();
    }
}
