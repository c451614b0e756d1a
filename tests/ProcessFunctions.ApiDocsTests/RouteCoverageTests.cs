using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Functions.Http;
using ProcessFunctions.Functions.OpenApi;

namespace ProcessFunctions.ApiDocsTests;

/// <summary>The document describes exactly the HTTP routes the functions declare: no more, no fewer.</summary>
public sealed class RouteCoverageTests
{
    private static readonly IReadOnlyList<HttpRoute> Routes = HttpRoutes.Discover(typeof(HttpApi).Assembly);

    [Fact]
    public void Descriptions_EveryHttpFunction_IsDescribed()
    {
        var undescribed = Routes.Where(r => !ApiDescriptions.Operations.ContainsKey(r.FunctionName))
            .Select(r => $"{r.FunctionName} ({string.Join(",", r.Methods)} {r.Route})")
            .ToList();

        Assert.True(undescribed.Count == 0,
            "Describe these HTTP functions in src/ProcessFunctions.Functions/OpenApi/ApiDescriptions.cs: "
            + string.Join("; ", undescribed));
    }

    [Fact]
    public void Descriptions_EveryEntry_NamesAnHttpFunction()
    {
        var stale = ApiDescriptions.Operations.Keys.Except(Routes.Select(r => r.FunctionName)).ToList();

        Assert.True(stale.Count == 0,
            "ApiDescriptions.cs describes functions that are not HTTP-triggered: " + string.Join(", ", stale));
    }

    [Fact]
    public void Document_Routes_AreExactlyThoseOfTheFunctions()
    {
        var declared = Routes.SelectMany(r => r.Methods.Select(m => $"{m} {r.Path}")).ToHashSet();
        var documented = TestDocument.Operations().Select(o => o.Route).ToHashSet();

        var missing = declared.Except(documented).Order().ToList();
        var extra = documented.Except(declared).Order().ToList();

        Assert.True(missing.Count == 0, "Routes of functions missing from the document: " + string.Join("; ", missing));
        Assert.True(extra.Count == 0, "Routes in the document that no function serves: " + string.Join("; ", extra));
    }

    [Fact]
    public void Document_Routes_AreThoseTheFunctionsHostServes()
    {
        // The SDK writes functions.metadata at build; the Azure Functions host routes by it alone.
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!;
        var served = metadata.AsArray()
            .SelectMany(function => function!["bindings"]!.AsArray()
                .Where(binding => (string?)binding!["type"] == "httpTrigger")
                .SelectMany(binding => binding!["methods"]!.AsArray().Select(method =>
                    $"{((string)method!).ToUpperInvariant()} "
                    + new HttpRoute("", (string?)binding["route"] ?? (string)function["name"]!, [],
                        AuthorizationLevel.Anonymous).Path)))
            .ToHashSet();
        var documented = TestDocument.Operations().Select(o => o.Route).ToHashSet();

        Assert.Equal(served.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
        Assert.Contains("GET /openapi.json", served);
        Assert.Contains("GET /docs/{asset}", served);
    }

    [Fact]
    public void Discover_QueueTriggeredFunctions_AreNotRoutes()
    {
        var names = Routes.Select(r => r.FunctionName).ToHashSet();

        Assert.DoesNotContain("ProcessStepEffects", names);
        Assert.Contains("Health", names);
        Assert.Contains("GetOpenApiDocument", names);
    }

    [Fact]
    public void Document_OperationIds_AreTheFunctionNames()
    {
        var ids = TestDocument.Operations().Select(o => o.Operation["operationId"]!.GetValue<string>()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(Routes.Select(r => r.FunctionName).Order(), ids.Order());
    }

    [Theory]
    [InlineData("deals/{dealId}/steps/{stepId}/completion", "/deals/{dealId}/steps/{stepId}/completion")]
    [InlineData("docs/{*asset}", "/docs/{asset}")]
    [InlineData("processes/{processId}/versions/{version:int}", "/processes/{processId}/versions/{version}")]
    public void Path_RouteTemplate_BecomesOpenApiPath(string route, string path)
    {
        var parsed = new HttpRoute("F", route, ["GET"], AuthorizationLevel.Anonymous);

        Assert.Equal(path, parsed.Path);
    }
}
