using System.Text.Json.Nodes;

namespace ProcessFunctions.ApiDocsTests;

/// <summary>The document states the conventions of every route: keys, retries, versions, lists, problems.</summary>
public sealed class HttpConventionsTests
{
    [Fact]
    public void Security_BearerApiKey_IsTheDefault()
    {
        var bearer = TestDocument.Root["components"]!["securitySchemes"]!["bearer"]!;

        Assert.Equal("http", (string?)bearer["type"]);
        Assert.Equal("bearer", (string?)bearer["scheme"]);
        Assert.Equal("pfk.<account>.<key>.<secret>", (string?)bearer["bearerFormat"]);
        Assert.Equal("""[{"bearer":[]}]""", TestDocument.Root["security"]!.ToJsonString());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/openapi.json")]
    [InlineData("/docs")]
    [InlineData("/docs/{asset}")]
    public void Security_AnonymousRoutes_NeedNoKey(string path)
    {
        var operation = TestDocument.Operation("GET", path);

        Assert.Equal("[]", operation["security"]?.ToJsonString());
        Assert.Null(operation["responses"]!["401"]);
    }

    [Fact]
    public void Security_AccountCreation_TakesTheOperatorsKeys()
    {
        var security = TestDocument.Operation("POST", "/accounts")["security"]!.ToJsonString();

        Assert.Contains("functionsKey", security, StringComparison.Ordinal);
        Assert.Contains("provisioningKey", security, StringComparison.Ordinal);
    }

    [Fact]
    public void IdempotencyKey_EveryPost_TakesItUpTo255Characters()
    {
        var posts = TestDocument.Operations()
            .Where(o => o.Route.StartsWith("POST ", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(posts);
        foreach (var (route, operation) in posts)
        {
            var key = TestDocument.Parameters(operation).SingleOrDefault(p => (string?)p["name"] == "Idempotency-Key");
            Assert.True(key is not null, $"{route} does not take Idempotency-Key.");
            Assert.Equal("header", (string?)key["in"]);
            Assert.Equal(255, (int?)key["schema"]!["maxLength"]);
        }
    }

    [Fact]
    public void IfMatch_ReplacingAProcess_IsRequired()
    {
        var operation = TestDocument.Operation("PUT", "/processes/{processId}");

        var ifMatch = TestDocument.Parameters(operation).Single(p => (string?)p["name"] == "If-Match");

        Assert.True((bool?)ifMatch["required"]);
        Assert.NotNull(operation["responses"]!["428"]);
        Assert.NotNull(operation["responses"]!["412"]);
    }

    [Theory]
    [InlineData("DELETE", "/processes/{processId}")]
    [InlineData("POST", "/processes/{processId}/stages")]
    [InlineData("PATCH", "/processes/{processId}/stages/{stageId}/steps/{stepId}")]
    [InlineData("PATCH", "/tasks/{taskId}")]
    public void IfMatch_OtherVersionedWrites_IsOptionalAnd412WhenStale(string method, string path)
    {
        var operation = TestDocument.Operation(method, path);

        var ifMatch = TestDocument.Parameters(operation).Single(p => (string?)p["name"] == "If-Match");

        Assert.NotEqual(true, (bool?)ifMatch["required"]);
        Assert.NotNull(operation["responses"]!["412"]);
        Assert.Null(operation["responses"]!["428"]);
    }

    [Theory]
    [InlineData("GET", "/processes/{processId}", "200")]
    [InlineData("PUT", "/processes/{processId}", "200")]
    [InlineData("POST", "/processes", "201")]
    [InlineData("GET", "/tasks/{taskId}", "200")]
    public void ETag_VersionedResources_AnswerWithIt(string method, string path, string status)
    {
        var headers = TestDocument.Operation(method, path)["responses"]![status]!["headers"]!.AsObject();

        Assert.True(headers.ContainsKey("ETag"), $"{method} {path} {status} has no ETag header.");
    }

    [Fact]
    public void Lists_PagedOnes_TakeLimitAndCursorAndAnswerItemsAndNextCursor()
    {
        var operation = TestDocument.Operation("GET", "/deals");

        var parameters = TestDocument.Parameters(operation).ToDictionary(p => (string)p["name"]!);
        var list = (string)operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!;
        var schema = TestDocument.Schema(list.Split('/')[^1]);

        Assert.Equal(1, (int?)parameters["limit"]["schema"]!["minimum"]);
        Assert.Equal(200, (int?)parameters["limit"]["schema"]!["maximum"]);
        Assert.Equal("query", (string?)parameters["cursor"]["in"]);
        Assert.Equal("array", (string?)schema["properties"]!["items"]!["type"]);
        Assert.Equal("#/components/schemas/DealView", (string?)schema["properties"]!["items"]!["items"]!["$ref"]);
        Assert.Equal("null,string", TestDocument.Types(schema["properties"]!["nextCursor"]));
        Assert.Equal("""["items","nextCursor"]""", schema["required"]!.ToJsonString());
    }

    [Fact]
    public void Problems_AreRfc9457DocumentsWithErrorsAndCorrelationId()
    {
        var problem = TestDocument.Schema("Problem");

        var properties = problem["properties"]!.AsObject().Select(p => p.Key).ToList();
        var notFound = TestDocument.Root["components"]!["responses"]!["NotFound"]!;

        Assert.Equal(["type", "title", "status", "detail", "instance", "errors", "correlationId"], properties);
        Assert.Equal("#/components/schemas/Problem",
            (string?)notFound["content"]!["application/problem+json"]!["schema"]!["$ref"]);
    }

    [Fact]
    public void Problems_EveryAuthenticatedRoute_Answers401And500()
    {
        var authenticated = TestDocument.Operations().Where(o => o.Operation["security"] is not JsonArray { Count: 0 });

        foreach (var (route, operation) in authenticated)
        {
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("401") && responses.ContainsKey("500"), $"{route} lacks 401 or 500.");
        }
    }

    [Fact]
    public void Problems_JsonBodies_Answer400And415And422()
    {
        var responses = TestDocument.Operation("POST", "/deals")["responses"]!.AsObject();

        Assert.All(["400", "413", "415", "422"], status => Assert.True(responses.ContainsKey(status), status));
    }

    [Fact]
    public void Servers_OperationsLiveUnderApi()
    {
        Assert.Equal("/api", (string?)TestDocument.Root["servers"]![0]!["url"]);
        Assert.StartsWith("3.1.", (string?)TestDocument.Root["openapi"], StringComparison.Ordinal);
    }
}
