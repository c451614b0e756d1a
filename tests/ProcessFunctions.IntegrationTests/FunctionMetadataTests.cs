using System.Text.Json.Nodes;

namespace ProcessFunctions.IntegrationTests;

/// <summary>
/// The functions.metadata the Functions SDK generates at build is what the Azure Functions host
/// routes by; every route of the HTTP contract must be in it with its methods.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly Lazy<List<JsonObject>> Triggers = new(ReadHttpTriggers);

    [Theory]
    [InlineData("accounts", "POST")]
    [InlineData("me", "GET")]
    [InlineData("members", "GET,POST")]
    [InlineData("members/{memberId}", "GET,PATCH,DELETE")]
    [InlineData("members/{memberId}/keys", "POST")]
    [InlineData("members/{memberId}/keys/{keyId}", "DELETE")]
    [InlineData("processes", "GET,POST")]
    [InlineData("processes/{processId}", "GET,PUT,DELETE")]
    [InlineData("processes/{processId}/versions", "GET")]
    [InlineData("processes/{processId}/versions/{version}", "GET")]
    [InlineData("processes/{processId}/stages", "POST")]
    [InlineData("processes/{processId}/stages/{stageId}", "PATCH,DELETE")]
    [InlineData("processes/{processId}/stages/order", "PUT")]
    [InlineData("processes/{processId}/stages/{stageId}/steps", "POST")]
    [InlineData("processes/{processId}/stages/{stageId}/steps/{stepId}", "PATCH,DELETE")]
    [InlineData("processes/{processId}/stages/{stageId}/steps/order", "PUT")]
    [InlineData("health", "GET")]
    public void FunctionsMetadata_ContractRoute_IsListedWithItsMethods(string route, string methods)
    {
        var listed = Triggers.Value
            .Where(trigger => string.Equals((string?)trigger["route"], route, StringComparison.Ordinal))
            .SelectMany(trigger => trigger["methods"]!.AsArray().Select(m => ((string)m!).ToUpperInvariant()))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(listed.Count > 0, $"functions.metadata has no HTTP trigger with the route '{route}'.");
        Assert.All(methods.Split(','), method => Assert.Contains(method, listed));
    }

    [Theory]
    [InlineData("accounts", "Admin")]
    [InlineData("health", "Anonymous")]
    [InlineData("processes", "Anonymous")]
    public void FunctionsMetadata_Route_HasTheHostAuthorizationLevel(string route, string level)
    {
        var levels = Triggers.Value
            .Where(trigger => string.Equals((string?)trigger["route"], route, StringComparison.Ordinal))
            .Select(trigger => (string?)trigger["authLevel"])
            .ToList();

        Assert.NotEmpty(levels);
        Assert.All(levels, actual => Assert.Equal(level, actual, ignoreCase: true));
    }

    /// <summary>Every httpTrigger binding in the built functions.metadata.</summary>
    private static List<JsonObject> ReadHttpTriggers()
    {
        var functions = JsonNode.Parse(File.ReadAllText(FindMetadata()))!.AsArray();
        return functions
            .SelectMany(function => function!["bindings"]!.AsArray())
            .OfType<JsonObject>()
            .Where(binding =>
                string.Equals((string?)binding["type"], "httpTrigger", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>
    /// The copy the build placed beside this assembly (built with it), else the newest one in the
    /// Functions project's bin folder.
    /// </summary>
    private static string FindMetadata()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        if (File.Exists(beside))
        {
            return beside;
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ProcessFunctions.sln")))
        {
            root = root.Parent;
        }

        var bin = Path.Combine(
            root?.FullName ?? throw new InvalidOperationException("ProcessFunctions.sln not found above the tests."),
            "src", "ProcessFunctions.Functions", "bin");
        return Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "functions.metadata", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault() ?? throw new FileNotFoundException("Build the Functions project first.", bin)
            : throw new DirectoryNotFoundException($"{bin} does not exist; build the Functions project first.");
    }
}
