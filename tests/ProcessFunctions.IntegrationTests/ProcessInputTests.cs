using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests;

/// <summary>
/// Bad process documents: each answers a problem document naming the field, and writes nothing,
/// which every test checks by reading back.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ProcessInputTests(AzuriteFixture azurite) : ApiTest(azurite)
{
    private const string InStep = "stages[0].steps[0]";

    public static TheoryData<string, string> MalformedDocuments => new()
    {
        { """{ "name": "Broken", "stages": [ """, "stages[0]" },
        { "not json at all", "$" },
        { "[]", "$" },
        { """{ "name": 5 }""", "name" },
        { """{ "name": "P", "stages": {} }""", "stages" },
        { """{ "name": "P", "isDefault": "yes" }""", "isDefault" },
        { WithStep("""{ "name": "A", "weight": "5" }"""), $"{InStep}.weight" },
        { WithStep("""{ "name": "A", "weight": 1.5 }"""), $"{InStep}.weight" },
        { WithStep("""{ "name": "A", "weight": 1, "completableBy": { "rule": 1 } }"""),
            $"{InStep}.completableBy.rule" },
        { WithStep("""{ "name": "A", "weight": 1, "followUpTask": { "title": "T", "type": "fax" } }"""),
            $"{InStep}.followUpTask.type" },
        { WithStep("""{ "name": "A", "weight": 1, "followUpTask": { "title": "T", "assignee": "team" } }"""),
            $"{InStep}.followUpTask.assignee" },
        { """{ "name": null }""", "name" },
        { """{ "stages": [] }""", "name" },
        { """{ "name": "P", "stages": [ { "steps": [] } ] }""", "stages[0].name" },
        { WithStep("""{ "name": "A" }"""), $"{InStep}.weight" },
        { WithStep("""{ "name": "A", "weight": 1, "followUpTask": { "title": "T" } }"""),
            $"{InStep}.followUpTask.type" },
        { """{ "name": "P", "owner": "me" }""", "owner" },
        { """{ "name": "P", "stages": [ { "name": "S", "colour": "red" } ] }""", "stages[0].colour" },
        { WithStep("""{ "name": "A", "weight": 1, "notify": { "everyone": true } }"""), $"{InStep}.notify.everyone" },
    };

    public static TheoryData<string, string> InvalidDocuments => new()
    {
        { """{ "name": "  " }""", "name" },
        { """{ "name": "P", "stages": [ { "name": "" } ] }""", "stages[0].name" },
        { WithStep("""{ "name": "A", "weight": 101 }"""), $"{InStep}.weight" },
        { WithStep("""{ "name": "A", "weight": -1 }"""), $"{InStep}.weight" },
        { """{ "name": "P", "stages": [ { "id": "stg_0000000000000000", "name": "S" } ] }""", "stages[0].id" },
        { WithStep("""{ "name": "A", "weight": 1, "completableBy": { "rule": "selected", "memberIds": [] } }"""),
            $"{InStep}.completableBy.memberIds" },
        { WithStep("""{ "name": "A", "weight": 1, "completableBy": { "rule": "selected", "memberIds": [ "a b" ] } }"""),
            $"{InStep}.completableBy.memberIds[0]" },
        { WithStep("""{ "name": "A", "weight": 1, "followUpTask": { "title": "T", "type": "call", "dueInDays": -1, """
                + """ "assignee": "owner" } }"""),
            $"{InStep}.followUpTask.dueInDays" },
        { WithStep("""{ "name": "A", "weight": 1, "followUpTask": { "title": "", "type": "call", "dueInDays": 1, """
                + """ "assignee": "owner" } }"""),
            $"{InStep}.followUpTask.title" },
        { WithStep("""{ "name": "A", "weight": 1, "followUpTask": { "title": "T", "type": "call", "dueInDays": 1, """
                + """ "assignee": "owner", "memberId": "mbr_x" } }"""),
            $"{InStep}.followUpTask.memberId" },
    };

    /// <summary>One of each kind for PUT, which reads its body the same way as POST.</summary>
    public static TheoryData<string, string> MalformedReplacements => new()
    {
        { """{ "name": "Broken", """, "$" },
        { WithStep("""{ "name": "A", "weight": "5" }"""), $"{InStep}.weight" },
        { WithStep("""{ "weight": 5 }"""), $"{InStep}.name" },
        { WithStep("""{ "name": "A", "weight": 1, "notify": { "all": true } }"""), $"{InStep}.notify.all" },
    };

    public static TheoryData<string, string> InvalidReplacements => new()
    {
        { """{ "name": "" }""", "name" },
        { WithStep("""{ "name": "A", "weight": 101 }"""), $"{InStep}.weight" },
        { """{ "name": "P", "stages": [ { "id": "stg_0000000000000000", "name": "S" } ] }""", "stages[0].id" },
        { WithStep("""{ "name": "A", "weight": 1, "completableBy": { "rule": "selected" } }"""),
            $"{InStep}.completableBy.memberIds" },
    };

    [Theory]
    [MemberData(nameof(MalformedDocuments))]
    public async Task CreateProcess_WithMalformedBody_Returns400NamingFieldAndNothingWritten(string body, string field)
    {
        var account = await Api.CreateAccountAsync();

        using var response = await Api.SendAsync(HttpMethod.Post, "processes", account.AdministratorKey, body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        await AssertNoProcessesAsync(account.AdministratorKey);
    }

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public async Task CreateProcess_WithInvalidValue_Returns422NamingFieldAndNothingWritten(string body, string field)
    {
        var account = await Api.CreateAccountAsync();

        using var response = await Api.SendAsync(HttpMethod.Post, "processes", account.AdministratorKey, body);

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, field);
        await AssertNoProcessesAsync(account.AdministratorKey);
    }

    [Theory]
    [MemberData(nameof(MalformedReplacements))]
    public async Task ReplaceProcess_WithMalformedBody_Returns400AndNothingWritten(string body, string field)
    {
        var account = await Api.CreateAccountAsync();
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        using var response = await Api.SendAsync(
            HttpMethod.Put, $"processes/{created.Id}", account.AdministratorKey, body, created.ETag);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        await AssertUnchangedAsync(account.AdministratorKey, created);
    }

    [Theory]
    [MemberData(nameof(InvalidReplacements))]
    public async Task ReplaceProcess_WithInvalidValue_Returns422AndNothingWritten(string body, string field)
    {
        var account = await Api.CreateAccountAsync();
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        using var response = await Api.SendAsync(
            HttpMethod.Put, $"processes/{created.Id}", account.AdministratorKey, body, created.ETag);

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, field);
        await AssertUnchangedAsync(account.AdministratorKey, created);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task CreateProcess_WithoutJsonContentType_Returns415AndNothingWritten(string? contentType)
    {
        var account = await Api.CreateAccountAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Drafts.Simple().ToJsonString()));
        content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);

        using var response = await Api.SendContentAsync(
            HttpMethod.Post, "processes", account.AdministratorKey, content);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        await AssertNoProcessesAsync(account.AdministratorKey);
    }

    [Fact]
    public async Task AddStage_WithoutJsonContentType_Returns415AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var content = new StringContent("""{ "name": "Plain" }""", Encoding.UTF8, "text/plain");

        using var response = await Api.SendContentAsync(
            HttpMethod.Post, $"processes/{created.Id}/stages", account.AdministratorKey, content);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        await AssertUnchangedAsync(account.AdministratorKey, created);
    }

    [Theory]
    [InlineData("completableBy", """{ "rule": "selected", "memberIds": [ "{0}" ] }""")]
    [InlineData("notify", """{ "memberIds": [ "{0}" ] }""")]
    [InlineData("followUpTask", """{ "title": "T", "type": "call", "dueInDays": 1, "assignee": "selected", """
        + """ "memberId": "{0}" }""")]
    public async Task CreateProcess_WithSelectedNonMember_Returns422AndNothingWritten(string setting, string value)
    {
        var account = await Api.CreateAccountAsync();
        var stranger = await Api.CreateAccountAsync("Other Ltd");
        var draft = Drafts.Simple();
        draft["stages"]![1]!["steps"]![0]![setting] = JsonNode.Parse(value.Replace("{0}", stranger.AdministratorId));

        using var response = await Api.SendAsync(HttpMethod.Post, "processes", account.AdministratorKey, draft);

        var problem = await ApiAssert.ProblemAsync(response, (HttpStatusCode)422);
        Assert.Contains(stranger.AdministratorId, problem["errors"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("memberId", problem["errors"]!.ToJsonString(), StringComparison.Ordinal);
        await AssertNoProcessesAsync(account.AdministratorKey);
    }

    [Fact]
    public async Task UpdateStep_WithSelectedNonMember_Returns422AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var path = $"processes/{created.Id}/stages/{created.StageId(0)}/steps/{created.StepId(0, 0)}";
        var patch = new { notify = new { managers = true, memberIds = new[] { "mbr_0000000000000000" } } };

        using var response = await Api.SendAsync(HttpMethod.Patch, path, account.AdministratorKey, patch);

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422);
        await AssertUnchangedAsync(account.AdministratorKey, created);
    }

    [Fact]
    public async Task AddStep_WithSelectedNonMember_Returns422AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var step = new
        {
            name = "Review", weight = 1,
            completableBy = new { rule = "selected", memberIds = new[] { "mbr_0000000000000000" } },
        };

        using var response = await Api.SendAsync(HttpMethod.Post,
            $"processes/{created.Id}/stages/{created.StageId(0)}/steps", account.AdministratorKey, step);

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422);
        await AssertUnchangedAsync(account.AdministratorKey, created);
    }

    [Fact]
    public async Task AddStage_WithMissingName_Returns400AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        using var response = await Api.SendAsync(
            HttpMethod.Post, $"processes/{created.Id}/stages", account.AdministratorKey, new { position = 0 });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "name");
        await AssertUnchangedAsync(account.AdministratorKey, created);
    }

    /// <summary>A process of one stage holding <paramref name="step"/>, which is <c>stages[0].steps[0]</c>.</summary>
    private static string WithStep(string step) =>
        $$"""{ "name": "P", "stages": [ { "name": "S", "steps": [ {{step}} ] } ] }""";

    private async Task AssertNoProcessesAsync(string key)
    {
        using var list = await Api.GetAsync("processes", key);
        var page = await ApiAssert.StatusAsync(list, HttpStatusCode.OK);
        Assert.Empty(page["items"]!.AsArray());
    }

    private async Task AssertUnchangedAsync(string key, VersionedProcess before)
    {
        var read = await Api.GetProcessAsync(key, before.Id);
        Assert.Equal(before.ETag, read.ETag);
        ApiAssert.JsonEqual(before.Body, read.Body, "The process changed");
    }
}
