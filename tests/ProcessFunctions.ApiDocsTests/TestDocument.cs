using System.Text.Json.Nodes;
using ProcessFunctions.Functions.OpenApi;

namespace ProcessFunctions.ApiDocsTests;

/// <summary>The app's OpenAPI document as served, and its parts by JSON path, built once for all tests.</summary>
public static class TestDocument
{
    private static readonly Lazy<JsonObject> Parsed = new(() => JsonNode.Parse(ApiDocument.Json)!.AsObject());

    public static JsonObject Root => Parsed.Value;

    public static JsonObject Paths => Root["paths"]!.AsObject();

    public static JsonObject Operation(string method, string path) =>
        Paths[path]?[method.ToLowerInvariant()]?.AsObject()
        ?? throw new Xunit.Sdk.XunitException($"The document has no {method} {path}.");

    /// <summary>Every operation as "METHOD /path" with its object.</summary>
    public static IEnumerable<(string Route, JsonObject Operation)> Operations() =>
        Paths.SelectMany(path => path.Value!.AsObject()
            .Where(member => member.Value is JsonObject { } o && o.ContainsKey("responses"))
            .Select(member => ($"{member.Key.ToUpperInvariant()} {path.Key}", member.Value!.AsObject())));

    /// <summary>A schema's type keyword as a sorted list, whether one name or an array of names.</summary>
    public static string Types(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray names => string.Join(",", names.Select(n => (string)n!).Order(StringComparer.Ordinal)),
        { } name => (string)name!,
        null => "",
    };

    public static JsonObject Schema(string name) =>
        Root["components"]?["schemas"]?[name]?.AsObject()
        ?? throw new Xunit.Sdk.XunitException($"The document has no schema '{name}'.");

    /// <summary>The parameter as written or, for a $ref, the component it names.</summary>
    public static IEnumerable<JsonObject> Parameters(JsonObject operation) =>
        (operation["parameters"]?.AsArray() ?? []).Select(p => Resolve(p!.AsObject(), "parameters"));

    public static JsonObject Resolve(JsonObject node, string kind) =>
        node["$ref"]?.GetValue<string>() is { } reference
            ? Root["components"]![kind]![reference[$"#/components/{kind}/".Length..]]!.AsObject()
            : node;
}
