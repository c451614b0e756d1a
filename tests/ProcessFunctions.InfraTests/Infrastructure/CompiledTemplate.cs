using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProcessFunctions.InfraTests.Infrastructure;

/// <summary>
/// infra/main.bicep compiled to ARM JSON and infra/main.bicepparam compiled to a parameters file,
/// once for every test class in the <see cref="CompiledTemplateDefinition"/> collection.
/// </summary>
public sealed partial class CompiledTemplate : IAsyncLifetime
{
    private DirectoryInfo? outputDirectory;

    /// <summary>The ARM template exactly as bicep wrote it.</summary>
    public string Text { get; private set; } = "";

    public JsonObject Root { get; private set; } = [];

    /// <summary>The parameters file bicep built from main.bicepparam.</summary>
    public JsonObject Parameters { get; private set; } = [];

    /// <summary>Every resource, including those of nested deployments (modules).</summary>
    public IReadOnlyList<JsonObject> Resources { get; private set; } = [];

    public async Task InitializeAsync()
    {
        outputDirectory = Directory.CreateTempSubdirectory("processfunctions-bicep-");
        var templatePath = Path.Combine(outputDirectory.FullName, "main.json");
        var parametersPath = Path.Combine(outputDirectory.FullName, "main.parameters.json");

        var build = await BicepCli.RunAsync("build", RepositoryLayout.MainTemplate, "--outfile", templatePath);
        Assert.True(build.ExitCode == 0, build.Describe());
        var buildParams = await BicepCli.RunAsync(
            "build-params", RepositoryLayout.MainParameters, "--outfile", parametersPath);
        Assert.True(buildParams.ExitCode == 0, buildParams.Describe());

        Text = await File.ReadAllTextAsync(templatePath);
        Root = JsonNode.Parse(Text)!.AsObject();
        Parameters = JsonNode.Parse(await File.ReadAllTextAsync(parametersPath))!.AsObject();
        Resources = ResourcesOf(Root).ToList();
    }

    public Task DisposeAsync()
    {
        outputDirectory?.Delete(recursive: true);
        return Task.CompletedTask;
    }

    public IReadOnlyList<JsonObject> ResourcesOfType(string type) =>
        Resources.Where(resource => string.Equals(
            (string?)resource["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    public JsonObject SingleResourceOfType(string type)
    {
        var matches = ResourcesOfType(type);
        Assert.True(matches.Count == 1, $"Expected exactly one {type}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>
    /// The names a resource declaration creates: the literal or variable in the last segment of
    /// its name, every element when it loops over a variable array with copyIndex().
    /// </summary>
    public IEnumerable<string> DeclaredNames(JsonObject resource)
    {
        var name = (string?)resource["name"] ?? "";
        var variable = VariableReference().Matches(name).LastOrDefault();
        var literal = Literal().Matches(name).LastOrDefault();
        var literalComesLast = literal is not null
            && (variable is null || literal.Index >= variable.Index + variable.Length);
        if (literalComesLast)
        {
            return [literal!.Groups["value"].Value];
        }

        return (variable is null ? null : Root["variables"]?[variable.Groups["name"].Value]) switch
        {
            JsonArray array => array.Select(element => (string?)element ?? ""),
            JsonValue value when value.TryGetValue(out string? text) => [text],
            _ => [name],
        };
    }

    /// <summary>App setting names the template gives the function app, from sites/config and siteConfig.</summary>
    public IReadOnlyDictionary<string, string> AppSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var config in ResourcesOfType("Microsoft.Web/sites/config")
                     .Where(config => ((string?)config["name"] ?? "").Contains("appsettings",
                         StringComparison.OrdinalIgnoreCase)))
        {
            var properties = config["properties"] as JsonObject ?? throw new InvalidOperationException(
                "The appsettings properties are one expression; list the settings as an object so they can be checked.");
            foreach (var (name, value) in properties)
            {
                settings[name] = value?.ToJsonString() ?? "";
            }
        }

        foreach (var site in ResourcesOfType("Microsoft.Web/sites"))
        {
            if (site["properties"]?["siteConfig"]?["appSettings"] is JsonArray list)
            {
                foreach (var setting in list.OfType<JsonObject>())
                {
                    settings[(string)setting["name"]!] = setting["value"]?.ToJsonString() ?? "";
                }
            }
        }

        return settings;
    }

    private static IEnumerable<JsonObject> ResourcesOf(JsonObject template)
    {
        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name.
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(pair => pair.Value).OfType<JsonObject>(),
            _ => [],
        };

        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in ResourcesOf(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"'(?<value>[^']*)'")]
    private static partial Regex Literal();
}

/// <summary>Test classes in this collection share one compiled template.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledTemplateDefinition : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "Compiled main.bicep";
}
