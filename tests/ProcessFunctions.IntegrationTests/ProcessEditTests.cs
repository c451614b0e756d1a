using System.Net;
using System.Text.Json.Nodes;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests;

/// <summary>Single-change endpoints on stages and steps; each change makes exactly one new version.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ProcessEditTests(AzuriteFixture azurite) : ApiTest(azurite)
{
    private string? _administratorKey;

    [Fact]
    public async Task AddStage_AtPositionWithSteps_Returns201AndBumpsVersion()
    {
        var (key, process) = await ProcessAsync();
        var body = Drafts.Parse("""
            { "name": "Discovery", "position": 1, "steps": [ { "name": "Discovery call", "weight": 5 } ] }
            """);

        using var response = await Api.SendAsync(HttpMethod.Post, $"processes/{process.Id}/stages", key, body);

        var edited = await EditedAsync(response, HttpStatusCode.Created, process);
        Assert.Equal(["Lead", "Discovery", "Closing"], StageNames(edited));
        Assert.Equal("Discovery call", (string?)edited.Stages[1]!["steps"]![0]!["name"]);
        Assert.DoesNotContain(edited.StageId(1), new[] { process.StageId(0), process.StageId(1) });
        Assert.Equal(process.StageId(0), edited.StageId(0));
        Assert.Equal(process.StageId(1), edited.StageId(2));
    }

    [Fact]
    public async Task AddStage_WithoutPosition_AppendsIt()
    {
        var (key, process) = await ProcessAsync();

        using var response = await Api.SendAsync(
            HttpMethod.Post, $"processes/{process.Id}/stages", key, new { name = "Onboarding" });

        var edited = await EditedAsync(response, HttpStatusCode.Created, process);
        Assert.Equal(["Lead", "Closing", "Onboarding"], StageNames(edited));
        Assert.Empty(edited.Stages[2]!["steps"]!.AsArray());
    }

    [Fact]
    public async Task RenameStage_Returns200AndBumpsVersion()
    {
        var (key, process) = await ProcessAsync();

        using var response = await Api.SendAsync(
            HttpMethod.Patch, $"processes/{process.Id}/stages/{process.StageId(1)}", key, new { name = "Won" });

        var edited = await EditedAsync(response, HttpStatusCode.OK, process);
        Assert.Equal(["Lead", "Won"], StageNames(edited));
        Assert.True(JsonNode.DeepEquals(process.Stages[1]!["steps"], edited.Stages[1]!["steps"]));
    }

    [Fact]
    public async Task ReorderStages_Returns200AndBumpsVersion()
    {
        var (key, process) = await ProcessAsync();
        var order = new { stageIds = new[] { process.StageId(1), process.StageId(0) } };

        using var response = await Api.SendAsync(HttpMethod.Put, $"processes/{process.Id}/stages/order", key, order);

        var edited = await EditedAsync(response, HttpStatusCode.OK, process);
        Assert.Equal(["Closing", "Lead"], StageNames(edited));
        Assert.True(JsonNode.DeepEquals(process.Stages[0], edited.Stages[1]));
    }

    [Fact]
    public async Task ReorderStages_NotEveryStageOnce_Returns422AndNothingWritten()
    {
        var (key, process) = await ProcessAsync();
        var order = new { stageIds = new[] { process.StageId(1), process.StageId(1) } };

        using var response = await Api.SendAsync(HttpMethod.Put, $"processes/{process.Id}/stages/order", key, order);

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, "stageIds");
        await AssertUnchangedAsync(key, process);
    }

    [Fact]
    public async Task DeleteStage_Returns200AndBumpsVersion()
    {
        var (key, process) = await ProcessAsync();

        using var response = await Api.SendAsync(
            HttpMethod.Delete, $"processes/{process.Id}/stages/{process.StageId(0)}", key);

        var edited = await EditedAsync(response, HttpStatusCode.OK, process);
        Assert.Equal(["Closing"], StageNames(edited));
        Assert.Equal(50, (int?)edited.Body["totalWeight"]);
    }

    [Fact]
    public async Task DeleteStage_Unknown_Returns404AndNothingWritten()
    {
        var (key, process) = await ProcessAsync();

        using var response = await Api.SendAsync(
            HttpMethod.Delete, $"processes/{process.Id}/stages/stg_0000000000000000", key);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        await AssertUnchangedAsync(key, process);
    }

    [Fact]
    public async Task AddStep_WithSettingsAtPosition_Returns201AndBumpsVersion()
    {
        var (key, process) = await ProcessAsync();
        var manager = await Api.CreateMemberAsync(key, "manager");
        var step = Drafts.Parse($$"""
            {
              "name": "Legal review", "weight": 12, "obligatory": true, "noteRequired": true,
              "completableBy": { "rule": "selected", "memberIds": [ "{{manager.Id}}" ] },
              "notify": {
                "administrators": false, "managers": true, "attendees": false, "memberIds": [ "{{manager.Id}}" ]
              },
              "followUpTask": { "title": "Chase legal", "type": "to-do", "dueInDays": 2, "assignee": "selected",
                "memberId": "{{manager.Id}}" }
            }
            """);
        var body = step.DeepClone().AsObject();
        body["position"] = 0;

        using var response = await Api.SendAsync(
            HttpMethod.Post, $"processes/{process.Id}/stages/{process.StageId(1)}/steps", key, body);

        var edited = await EditedAsync(response, HttpStatusCode.Created, process);
        var steps = edited.Stages[1]!["steps"]!.AsArray();
        Assert.Equal(["Legal review", "Propose", "Sign"], steps.Select(s => (string)s!["name"]!));
        ApiAssert.Contains(step, steps[0]);
        Assert.StartsWith("stp_", (string?)steps[0]!["id"], StringComparison.Ordinal);
        Assert.Equal(87, (int?)edited.Body["totalWeight"]);
    }

    [Fact]
    public async Task AddStep_WithClientId_Returns422AndNothingWritten()
    {
        var (key, process) = await ProcessAsync();
        var body = new { id = "stp_mine", name = "Mine", weight = 1 };

        using var response = await Api.SendAsync(
            HttpMethod.Post, $"processes/{process.Id}/stages/{process.StageId(0)}/steps", key, body);

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, "id");
        await AssertUnchangedAsync(key, process);
    }

    [Fact]
    public async Task UpdateStep_WeightAndSettings_ChangesOnlyThoseAndBumpsVersion()
    {
        var (key, process) = await ProcessAsync();
        var manager = await Api.CreateMemberAsync(key, "manager");
        var patch = Drafts.Parse($$"""
            {
              "weight": 40,
              "noteRequired": true,
              "completableBy": { "rule": "selected", "memberIds": [ "{{manager.Id}}" ] },
              "notify": {
                "administrators": true, "managers": false, "attendees": true, "memberIds": [ "{{manager.Id}}" ]
              },
              "followUpTask": { "title": "Send minutes", "type": "email", "dueInDays": 1, "assignee": "owner" }
            }
            """);
        var path = $"processes/{process.Id}/stages/{process.StageId(0)}/steps/{process.StepId(0, 1)}";

        using var response = await Api.SendAsync(HttpMethod.Patch, path, key, patch);

        var edited = await EditedAsync(response, HttpStatusCode.OK, process);
        var step = edited.Stages[0]!["steps"]![1]!;
        ApiAssert.Contains(patch, step);
        Assert.Equal("Meet", (string?)step["name"]);
        Assert.False((bool?)step["obligatory"]);
        Assert.Equal(process.StepId(0, 1), (string?)step["id"]);
        Assert.True(JsonNode.DeepEquals(process.Stages[0]!["steps"]![0], edited.Stages[0]!["steps"]![0]));
        Assert.Equal(100, (int?)edited.Body["totalWeight"]);
    }

    [Fact]
    public async Task UpdateStep_FollowUpTaskNull_RemovesIt()
    {
        var (key, process) = await ProcessAsync();
        var path = $"processes/{process.Id}/stages/{process.StageId(0)}/steps/{process.StepId(0, 0)}";
        using var added = await Api.SendAsync(HttpMethod.Patch, path, key, new
        {
            followUpTask = new { title = "Call", type = "call", dueInDays = 1, assignee = "completer" },
        });
        var withTask = new VersionedProcess(
            await ApiAssert.StatusAsync(added, HttpStatusCode.OK), ApiClient.ETagOf(added));

        using var response = await Api.SendAsync(HttpMethod.Patch, path, key, """{ "followUpTask": null }""");

        var edited = await EditedAsync(response, HttpStatusCode.OK, withTask);
        Assert.NotNull(withTask.Stages[0]!["steps"]![0]!["followUpTask"]);
        Assert.Null(edited.Stages[0]!["steps"]![0]!["followUpTask"]);
    }

    [Fact]
    public async Task UpdateStep_WithStageIdAndPosition_MovesItToTheOtherStage()
    {
        var (key, process) = await ProcessAsync();
        var path = $"processes/{process.Id}/stages/{process.StageId(0)}/steps/{process.StepId(0, 0)}";

        using var response = await Api.SendAsync(
            HttpMethod.Patch, path, key, new { stageId = process.StageId(1), position = 1 });

        var edited = await EditedAsync(response, HttpStatusCode.OK, process);
        Assert.Equal([process.StepId(0, 1)], StepIds(edited, 0));
        Assert.Equal([process.StepId(1, 0), process.StepId(0, 0), process.StepId(1, 1)], StepIds(edited, 1));
        Assert.True(JsonNode.DeepEquals(process.Stages[0]!["steps"]![0], edited.Stages[1]!["steps"]![1]));
    }

    [Fact]
    public async Task UpdateStep_WithPositionOnly_MovesItWithinTheStage()
    {
        var (key, process) = await ProcessAsync();
        var path = $"processes/{process.Id}/stages/{process.StageId(1)}/steps/{process.StepId(1, 1)}";

        using var response = await Api.SendAsync(HttpMethod.Patch, path, key, new { position = 0 });

        var edited = await EditedAsync(response, HttpStatusCode.OK, process);
        Assert.Equal([process.StepId(1, 1), process.StepId(1, 0)], StepIds(edited, 1));
    }

    [Theory]
    [InlineData("""{ "weight": 101 }""", "weight")]
    [InlineData("""{ "weight": -1 }""", "weight")]
    [InlineData("""{ "name": "" }""", "name")]
    [InlineData("""{ "name": null }""", "name")]
    [InlineData("""{ "position": 5 }""", "position")]
    [InlineData("""{ "stageId": "stg_0000000000000000" }""", "stageId")]
    [InlineData("""{ "completableBy": { "rule": "selected" } }""", "completableBy.memberIds")]
    [InlineData("""{ "completableBy": { "rule": "managers", "memberIds": [ "mbr_x" ] } }""", "completableBy.memberIds")]
    [InlineData("""{ "followUpTask": { "title": "T", "type": "call", "dueInDays": 400, "assignee": "owner" } }""",
        "followUpTask.dueInDays")]
    [InlineData("""{ "followUpTask": { "title": "T", "type": "call", "dueInDays": 1, "assignee": "selected" } }""",
        "followUpTask.memberId")]
    public async Task UpdateStep_WithInvalidValue_Returns422NamingFieldAndNothingWritten(string patch, string field)
    {
        var (key, process) = await ProcessAsync();
        var path = $"processes/{process.Id}/stages/{process.StageId(0)}/steps/{process.StepId(0, 0)}";

        using var response = await Api.SendAsync(HttpMethod.Patch, path, key, patch);

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, field);
        await AssertUnchangedAsync(key, process);
    }

    [Theory]
    [InlineData("""{ "weight": null }""", "weight")]
    [InlineData("""{ "position": null }""", "position")]
    [InlineData("""{ "obligatory": null }""", "obligatory")]
    [InlineData("""{ "weight": "10" }""", "weight")]
    [InlineData("""{ "followUpTask": { "title": "T", "type": "fax", "dueInDays": 1, "assignee": "owner" } }""",
        "followUpTask.type")]
    [InlineData("""{ "notify": { "everyone": true } }""", "notify.everyone")]
    public async Task UpdateStep_WithMalformedValue_Returns400NamingFieldAndNothingWritten(string patch, string field)
    {
        var (key, process) = await ProcessAsync();
        var path = $"processes/{process.Id}/stages/{process.StageId(0)}/steps/{process.StepId(0, 0)}";

        using var response = await Api.SendAsync(HttpMethod.Patch, path, key, patch);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        await AssertUnchangedAsync(key, process);
    }

    [Fact]
    public async Task UpdateStep_WithStaleIfMatch_Returns412AndNothingWritten()
    {
        var (key, process) = await ProcessAsync();
        using var renamed = await Api.SendAsync(
            HttpMethod.Patch, $"processes/{process.Id}/stages/{process.StageId(0)}", key, new { name = "Leads" });
        var current = new VersionedProcess(
            await ApiAssert.StatusAsync(renamed, HttpStatusCode.OK), ApiClient.ETagOf(renamed));
        var path = $"processes/{process.Id}/stages/{process.StageId(0)}/steps/{process.StepId(0, 0)}";

        using var response = await Api.SendAsync(HttpMethod.Patch, path, key, new { weight = 99 }, process.ETag);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.PreconditionFailed);
        await AssertUnchangedAsync(key, current);
    }

    [Fact]
    public async Task UpdateStep_WithCurrentIfMatch_Returns200()
    {
        var (key, process) = await ProcessAsync();
        var path = $"processes/{process.Id}/stages/{process.StageId(0)}/steps/{process.StepId(0, 0)}";

        using var response = await Api.SendAsync(HttpMethod.Patch, path, key, new { weight = 99 }, process.ETag);

        var edited = await EditedAsync(response, HttpStatusCode.OK, process);
        Assert.Equal(99, (int?)edited.Stages[0]!["steps"]![0]!["weight"]);
    }

    [Fact]
    public async Task UpdateStep_InTheWrongStage_Returns404AndNothingWritten()
    {
        var (key, process) = await ProcessAsync();
        var path = $"processes/{process.Id}/stages/{process.StageId(1)}/steps/{process.StepId(0, 0)}";

        using var response = await Api.SendAsync(HttpMethod.Patch, path, key, new { weight = 1 });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        await AssertUnchangedAsync(key, process);
    }

    [Fact]
    public async Task ReorderSteps_Returns200AndBumpsVersion()
    {
        var (key, process) = await ProcessAsync();
        var order = new { stepIds = new[] { process.StepId(0, 1), process.StepId(0, 0) } };

        using var response = await Api.SendAsync(
            HttpMethod.Put, $"processes/{process.Id}/stages/{process.StageId(0)}/steps/order", key, order);

        var edited = await EditedAsync(response, HttpStatusCode.OK, process);
        Assert.Equal([process.StepId(0, 1), process.StepId(0, 0)], StepIds(edited, 0));
    }

    [Fact]
    public async Task ReorderSteps_WithStepOfAnotherStage_Returns422AndNothingWritten()
    {
        var (key, process) = await ProcessAsync();
        var order = new { stepIds = new[] { process.StepId(0, 1), process.StepId(1, 0) } };

        using var response = await Api.SendAsync(
            HttpMethod.Put, $"processes/{process.Id}/stages/{process.StageId(0)}/steps/order", key, order);

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, "stepIds");
        await AssertUnchangedAsync(key, process);
    }

    [Fact]
    public async Task DeleteStep_Returns200AndBumpsVersion()
    {
        var (key, process) = await ProcessAsync();

        using var response = await Api.SendAsync(HttpMethod.Delete,
            $"processes/{process.Id}/stages/{process.StageId(1)}/steps/{process.StepId(1, 0)}", key);

        var edited = await EditedAsync(response, HttpStatusCode.OK, process);
        Assert.Equal([process.StepId(1, 1)], StepIds(edited, 1));
        Assert.Equal(55, (int?)edited.Body["totalWeight"]);
    }

    [Fact]
    public async Task SingleChanges_EachMakeOneVersionListedWithItsChange()
    {
        var (key, process) = await ProcessAsync();
        var stages = $"processes/{process.Id}/stages";
        var steps = $"{stages}/{process.StageId(0)}/steps";

        using var addStage = await Api.SendAsync(HttpMethod.Post, stages, key, new { name = "Extra" });
        using var addStep = await Api.SendAsync(HttpMethod.Post, steps, key, new { name = "Call", weight = 1 });
        using var patchStep = await Api.SendAsync(HttpMethod.Patch, $"{steps}/{process.StepId(0, 0)}", key,
            new { weight = 2 });
        using var deleteStep = await Api.SendAsync(HttpMethod.Delete, $"{steps}/{process.StepId(0, 1)}", key);
        using var rename = await Api.SendAsync(HttpMethod.Patch, $"{stages}/{process.StageId(1)}", key,
            new { name = "Won" });

        var responses = new[] { addStage, addStep, patchStep, deleteStep, rename };
        Assert.Equal(["\"2\"", "\"3\"", "\"4\"", "\"5\"", "\"6\""], responses.Select(ApiClient.ETagOf));
        using var list = await Api.GetAsync($"processes/{process.Id}/versions", key);
        var versions = (await ApiAssert.StatusAsync(list, HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal([1, 2, 3, 4, 5, 6], versions.Select(v => (int)v!["version"]!));
        Assert.Equal(6, versions.Select(v => (string?)v!["change"]).Distinct().Count());
        using var before = await Api.GetAsync($"processes/{process.Id}/versions/3", key);
        var third = await ApiAssert.StatusAsync(before, HttpStatusCode.OK);
        Assert.Equal(10, (int?)third["stages"]![0]!["steps"]![0]!["weight"]);
        Assert.Equal(3, third["stages"]![0]!["steps"]!.AsArray().Count);
    }

    /// <summary>A new account with the simple process; its administrator key is kept for reading back.</summary>
    private async Task<(string Key, VersionedProcess Process)> ProcessAsync()
    {
        var account = await Api.CreateAccountAsync();
        _administratorKey = account.AdministratorKey;
        return (account.AdministratorKey, await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple()));
    }

    /// <summary>Asserts the edit's status, that it made exactly the next version, and that a read agrees.</summary>
    private async Task<VersionedProcess> EditedAsync(
        HttpResponseMessage response, HttpStatusCode status, VersionedProcess before)
    {
        var edited = new VersionedProcess(await ApiAssert.StatusAsync(response, status), ApiClient.ETagOf(response));
        Assert.Equal(before.Version + 1, edited.Version);
        Assert.Equal($"\"{before.Version + 1}\"", edited.ETag);
        var read = await Api.GetProcessAsync(_administratorKey!, edited.Id);
        ApiAssert.JsonEqual(edited.Body, read.Body, "GET differs from the edit");
        return edited;
    }

    private async Task AssertUnchangedAsync(string key, VersionedProcess before)
    {
        var read = await Api.GetProcessAsync(key, before.Id);
        Assert.Equal(before.ETag, read.ETag);
        ApiAssert.JsonEqual(before.Body, read.Body, "The process changed");
    }

    private static List<string> StageNames(VersionedProcess process) =>
        process.Stages.Select(stage => (string)stage!["name"]!).ToList();

    private static List<string> StepIds(VersionedProcess process, int stage) =>
        process.Stages[stage]!["steps"]!.AsArray().Select(step => (string)step!["id"]!).ToList();
}
