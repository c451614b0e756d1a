using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ProcessFunctions.Functions.OpenApi;

namespace ProcessFunctions.ApiDocsTests;

/// <summary>The document is valid OpenAPI 3.1 as another tool would read it: parsed back and validated.</summary>
public sealed class DocumentValidityTests
{
    [Fact]
    public void Parse_ServedDocument_IsOpenApi31WithoutErrorsOrWarnings()
    {
        var result = Parse();

        Assert.NotNull(result.Document);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic?.SpecificationVersion);
        AssertNone("error", result.Diagnostic!.Errors);
        AssertNone("warning", result.Diagnostic.Warnings);
    }

    [Fact]
    public void Validate_ParsedDocument_BreaksNoDefaultRule()
    {
        var document = Parse().Document!;

        var errors = document.Validate(ValidationRuleSet.GetDefaultRuleSet());

        AssertNone("error", errors);
    }

    [Fact]
    public void Validate_BuiltDocument_BreaksNoDefaultRule()
    {
        var document = ApiDocument.Build(typeof(ApiDocument).Assembly);
        var validator = new OpenApiValidator(ValidationRuleSet.GetDefaultRuleSet());

        new OpenApiWalker(validator).Walk(document);

        AssertNone("error", validator.Errors);
        AssertNone("warning", validator.Warnings);
    }

    [Fact]
    public void Parse_EveryReference_Resolves()
    {
        var document = Parse().Document!;

        var unresolved = document.Paths.SelectMany(path => path.Value.Operations!.SelectMany(operation =>
                operation.Value.Responses!.Where(r => r.Value is OpenApiResponseReference { Target: null })
                    .Select(r => $"{operation.Key} {path.Key} {r.Key}")))
            .ToList();

        Assert.Empty(unresolved);
    }

    private static ReadResult Parse() =>
        OpenApiDocument.Parse(ApiDocument.Json, OpenApiConstants.Json, new OpenApiReaderSettings());

    private static void AssertNone(string kind, IEnumerable<OpenApiError>? errors)
    {
        var found = (errors ?? []).Select(e => $"{e.Pointer}: {e.Message}").ToList();

        Assert.True(found.Count == 0, $"{found.Count} {kind}(s):\n" + string.Join("\n", found.Take(20)));
    }
}
