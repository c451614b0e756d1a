using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests;

/// <summary>The documented limits: at the limit is accepted, one past it is a problem naming the field.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class LimitTests(AzuriteFixture azurite) : ApiTest(azurite)
{
    [Fact]
    public async Task CreateProcess_AtEveryLimit_Returns201()
    {
        var account = await Api.CreateAccountAsync();
        var draft = Drafts.OfSize(stages: 50, steps: 1);
        draft["name"] = new string('n', 200);
        draft["stages"]![0]!["steps"] = Drafts.OfSize(stages: 1, steps: 100)["stages"]![0]!["steps"]!.DeepClone();

        using var response = await Api.SendAsync(HttpMethod.Post, "processes", account.AdministratorKey, draft);

        var created = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        Assert.Equal(50, created["stages"]!.AsArray().Count);
        Assert.Equal(100, created["stages"]![0]!["steps"]!.AsArray().Count);
        Assert.Equal(200, ((string?)created["name"])?.Length);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("stages[1].name")]
    [InlineData("stages[0].steps[1].name")]
    public async Task CreateProcess_NameOver200Characters_Returns422NamingFieldAndNothingWritten(string field)
    {
        var account = await Api.CreateAccountAsync();
        var draft = Drafts.Simple();
        var name = new string('n', 201);
        switch (field)
        {
            case "name":
                draft["name"] = name;
                break;
            case "stages[1].name":
                draft["stages"]![1]!["name"] = name;
                break;
            default:
                draft["stages"]![0]!["steps"]![1]!["name"] = name;
                break;
        }

        using var response = await Api.SendAsync(HttpMethod.Post, "processes", account.AdministratorKey, draft);

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, field);
        await AssertNoProcessesAsync(account.AdministratorKey);
    }

    [Fact]
    public async Task CreateProcess_With51Stages_Returns422AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();

        using var response = await Api.SendAsync(
            HttpMethod.Post, "processes", account.AdministratorKey, Drafts.OfSize(stages: 51, steps: 1));

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, "stages");
        await AssertNoProcessesAsync(account.AdministratorKey);
    }

    [Fact]
    public async Task CreateProcess_With101StepsInAStage_Returns422AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        var draft = Drafts.Simple();
        draft["stages"]![1]!["steps"] = Drafts.OfSize(stages: 1, steps: 101)["stages"]![0]!["steps"]!.DeepClone();

        using var response = await Api.SendAsync(HttpMethod.Post, "processes", account.AdministratorKey, draft);

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, "stages[1].steps");
        await AssertNoProcessesAsync(account.AdministratorKey);
    }

    [Fact]
    public async Task AddStage_ToProcessWith50Stages_Returns422AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.OfSize(stages: 50, steps: 0));

        using var response = await Api.SendAsync(
            HttpMethod.Post, $"processes/{process.Id}/stages", account.AdministratorKey, new { name = "One more" });

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, "stages");
        await AssertUnchangedAsync(account.AdministratorKey, process);
    }

    [Fact]
    public async Task AddStep_ToStageWith100Steps_Returns422AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.OfSize(stages: 1, steps: 100));

        using var response = await Api.SendAsync(HttpMethod.Post,
            $"processes/{process.Id}/stages/{process.StageId(0)}/steps", account.AdministratorKey,
            new { name = "One more", weight = 1 });

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, "stageId");
        await AssertUnchangedAsync(account.AdministratorKey, process);
    }

    [Fact]
    public async Task UpdateStep_MoveIntoStageWith100Steps_Returns422AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        var draft = Drafts.OfSize(stages: 2, steps: 1);
        draft["stages"]![0]!["steps"] = Drafts.OfSize(stages: 1, steps: 100)["stages"]![0]!["steps"]!.DeepClone();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, draft);

        using var response = await Api.SendAsync(HttpMethod.Patch,
            $"processes/{process.Id}/stages/{process.StageId(1)}/steps/{process.StepId(1, 0)}",
            account.AdministratorKey, new { stageId = process.StageId(0) });

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, "stageId");
        await AssertUnchangedAsync(account.AdministratorKey, process);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateProcess_BodyOver256KiB_Returns413AndNothingWritten(bool withContentLength)
    {
        var account = await Api.CreateAccountAsync();
        var draft = Drafts.Simple();
        draft["description"] = new string('d', 256 * 1024);
        var bytes = Encoding.UTF8.GetBytes(draft.ToJsonString());
        HttpContent content = withContentLength
            ? new ByteArrayContent(bytes)
            : new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await Api.SendContentAsync(
            HttpMethod.Post, "processes", account.AdministratorKey, content);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertNoProcessesAsync(account.AdministratorKey);
    }

    [Fact]
    public async Task ReplaceProcess_BodyOver256KiB_Returns413AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var draft = Drafts.Simple();
        draft["stages"]![0]!["name"] = new string('s', 300 * 1024);

        using var response = await Api.SendAsync(
            HttpMethod.Put, $"processes/{process.Id}", account.AdministratorKey, draft, process.ETag);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertUnchangedAsync(account.AdministratorKey, process);
    }

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

    /// <summary>A body sent without Content-Length, so the server must count what it reads.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
