using System.Net;
using System.Text.Json.Nodes;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests;

/// <summary>Whole process definitions: create, read, replace under If-Match, versions and archiving.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ProcessTests(AzuriteFixture azurite) : ApiTest(azurite)
{
    [Fact]
    public async Task CreateProcess_WithEverySetting_RoundTrips()
    {
        var account = await Api.CreateAccountAsync();
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager");
        var draft = Drafts.WithEverySetting(manager.Id);

        using var response = await Api.SendAsync(HttpMethod.Post, "processes", account.AdministratorKey, draft);

        var created = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        ApiAssert.Contains(draft, created);
        var id = ApiClient.Text(created["id"]);
        Assert.Equal($"/api/processes/{id}", response.Headers.Location?.ToString());
        Assert.Equal(1, (int?)created["version"]);
        Assert.Equal(100, (int?)created["totalWeight"]);
        var read = await Api.GetProcessAsync(manager.Key, id);
        ApiAssert.Contains(draft, read.Body);
        var ids = read.Stages.SelectMany(stage => stage!["steps"]!.AsArray().Select(step => (string?)step!["id"])
            .Prepend((string?)stage["id"])).ToList();
        Assert.All(ids, stageOrStepId => Assert.False(string.IsNullOrEmpty(stageOrStepId)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task GetProcess_Returns200WithETagOfCurrentVersion()
    {
        var account = await Api.CreateAccountAsync();
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        using var response = await Api.GetAsync($"processes/{created.Id}", account.AdministratorKey);

        var process = await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("\"1\"", ApiClient.ETagOf(response));
        Assert.Equal(created.ETag, ApiClient.ETagOf(response));
        Assert.Equal(1, (int?)process["version"]);
        Assert.Equal("B2B sales", (string?)process["name"]);
        Assert.Equal(account.AdministratorId, (string?)process["updatedBy"]);
    }

    [Fact]
    public async Task CreateProcess_FirstOfAccount_BecomesDefaultUntilAnotherIsMadeDefault()
    {
        var account = await Api.CreateAccountAsync();

        var first = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("First"));
        var second = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Second"));
        var draft = Drafts.Simple("Third");
        draft["isDefault"] = true;
        var third = await Api.CreateProcessAsync(account.AdministratorKey, draft);

        Assert.True((bool?)first.Body["isDefault"]);
        Assert.False((bool?)second.Body["isDefault"]);
        Assert.True((bool?)third.Body["isDefault"]);
        Assert.False((bool?)(await Api.GetProcessAsync(account.AdministratorKey, first.Id)).Body["isDefault"]);
    }

    [Fact]
    public async Task ReplaceProcess_WithIdsSentAndOmitted_KeepsSentIdsAndAssignsNewOnes()
    {
        var account = await Api.CreateAccountAsync();
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var draft = Drafts.Parse($$"""
            {
              "name": "B2B sales, revised",
              "stages": [
                {
                  "id": "{{created.StageId(1)}}", "name": "Closing (renamed)",
                  "steps": [
                    { "id": "{{created.StepId(1, 1)}}", "name": "Sign", "weight": 35 },
                    { "id": "{{created.StepId(0, 0)}}", "name": "Qualify (moved)", "weight": 10 },
                    { "name": "Hand over", "weight": 5 }
                  ]
                },
                { "name": "Onboarding", "steps": [ { "name": "Kick-off", "weight": 5 } ] }
              ]
            }
            """);

        using var response = await Api.SendAsync(
            HttpMethod.Put, $"processes/{created.Id}", account.AdministratorKey, draft, created.ETag);

        var replaced = await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
        var saved = new VersionedProcess(replaced, ApiClient.ETagOf(response));
        Assert.Equal(2, saved.Version);
        Assert.Equal("\"2\"", saved.ETag);
        ApiAssert.Contains(draft, replaced);
        Assert.Equal(created.StageId(1), saved.StageId(0));
        Assert.Equal(created.StepId(1, 1), saved.StepId(0, 0));
        Assert.Equal(created.StepId(0, 0), saved.StepId(0, 1));
        var oldIds = new[] { created.StageId(0), created.StageId(1), created.StepId(0, 0), created.StepId(0, 1),
            created.StepId(1, 0), created.StepId(1, 1) };
        foreach (var newId in new[] { saved.StepId(0, 2), saved.StageId(1), saved.StepId(1, 0) })
        {
            Assert.False(string.IsNullOrEmpty(newId));
            Assert.DoesNotContain(newId, oldIds);
        }

        var read = await Api.GetProcessAsync(account.AdministratorKey, created.Id);
        ApiAssert.JsonEqual(replaced, read.Body, "GET differs from PUT");
    }

    [Fact]
    public async Task ReplaceProcess_WithStagesAsReturnedByGet_Returns200WithSameStages()
    {
        var account = await Api.CreateAccountAsync();
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager");
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.WithEverySetting(manager.Id));
        var draft = new JsonObject
        {
            ["name"] = (string?)created.Body["name"],
            ["description"] = (string?)created.Body["description"],
            ["stages"] = created.Stages.DeepClone(),
        };

        using var response = await Api.SendAsync(
            HttpMethod.Put, $"processes/{created.Id}", account.AdministratorKey, draft, created.ETag);

        var replaced = await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
        Assert.True(
            JsonNode.DeepEquals(created.Stages, replaced["stages"]),
            $"Stages changed: {replaced["stages"]!.ToJsonString()}");
        Assert.Equal(2, (int?)replaced["version"]);
    }

    [Fact]
    public async Task ReplaceProcess_WithoutIfMatch_Returns428AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        using var response = await Api.SendAsync(
            HttpMethod.Put, $"processes/{created.Id}", account.AdministratorKey, Drafts.Simple("Changed"));

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)428);
        var read = await Api.GetProcessAsync(account.AdministratorKey, created.Id);
        ApiAssert.JsonEqual(created.Body, read.Body, "The process changed");
    }

    [Fact]
    public async Task ReplaceProcess_WithStaleIfMatch_Returns412AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        using var first = await Api.SendAsync(HttpMethod.Put, $"processes/{created.Id}", account.AdministratorKey,
            Drafts.Simple("Second version"), created.ETag);
        var current = new VersionedProcess(
            await ApiAssert.StatusAsync(first, HttpStatusCode.OK), ApiClient.ETagOf(first));

        using var response = await Api.SendAsync(HttpMethod.Put, $"processes/{created.Id}", account.AdministratorKey,
            Drafts.Simple("Lost update"), created.ETag);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.PreconditionFailed);
        var read = await Api.GetProcessAsync(account.AdministratorKey, created.Id);
        Assert.Equal(2, read.Version);
        Assert.Equal(current.ETag, read.ETag);
        Assert.Equal("Second version", (string?)read.Body["name"]);
        using var versions = await Api.GetAsync($"processes/{created.Id}/versions", account.AdministratorKey);
        Assert.Equal(2, (await ApiAssert.StatusAsync(versions, HttpStatusCode.OK))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task ReplaceProcess_WithIdOfAnotherProcess_Returns422AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var other = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Other"));
        var draft = Drafts.Parse($$"""
            { "name": "Borrowed", "stages": [ { "id": "{{other.StageId(0)}}", "name": "Lead", "steps": [] } ] }
            """);

        using var response = await Api.SendAsync(
            HttpMethod.Put, $"processes/{created.Id}", account.AdministratorKey, draft, created.ETag);

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, "stages[0].id");
        var read = await Api.GetProcessAsync(account.AdministratorKey, created.Id);
        ApiAssert.JsonEqual(created.Body, read.Body, "The process changed");
    }

    [Fact]
    public async Task GetProcessVersion_AfterEdits_ReturnsTheOldContent()
    {
        var account = await Api.CreateAccountAsync();
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Original"));
        using var replaced = await Api.SendAsync(HttpMethod.Put, $"processes/{created.Id}", account.AdministratorKey,
            Drafts.Simple("Replaced"), created.ETag);
        var stageId = ApiClient.Text((await ApiAssert.StatusAsync(replaced, HttpStatusCode.OK))["stages"]![0]!["id"]);
        using var renamed = await Api.SendAsync(HttpMethod.Patch,
            $"processes/{created.Id}/stages/{stageId}", account.AdministratorKey, new { name = "Renamed" });
        await ApiAssert.StatusAsync(renamed, HttpStatusCode.OK);

        using var list = await Api.GetAsync($"processes/{created.Id}/versions", account.AdministratorKey);
        using var first = await Api.GetAsync($"processes/{created.Id}/versions/1", account.AdministratorKey);
        using var second = await Api.GetAsync($"processes/{created.Id}/versions/2", account.AdministratorKey);

        var versions = (await ApiAssert.StatusAsync(list, HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal([1, 2, 3], versions.Select(v => (int)v!["version"]!));
        Assert.All(versions, v => Assert.Equal(account.AdministratorId, (string?)v!["createdBy"]));
        Assert.All(versions, v => Assert.False(string.IsNullOrWhiteSpace((string?)v!["change"])));
        var original = await ApiAssert.StatusAsync(first, HttpStatusCode.OK);
        Assert.Equal("\"1\"", ApiClient.ETagOf(first));
        Assert.Equal("Original", (string?)original["name"]);
        Assert.Equal("Lead", (string?)original["stages"]![0]!["name"]);
        ApiAssert.Contains(created.Body["stages"], original["stages"]);
        var middle = await ApiAssert.StatusAsync(second, HttpStatusCode.OK);
        Assert.Equal("Replaced", (string?)middle["name"]);
        var current = await Api.GetProcessAsync(account.AdministratorKey, created.Id);
        Assert.Equal(3, current.Version);
        Assert.Equal("Renamed", (string?)current.Stages[0]!["name"]);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("one")]
    public async Task GetProcessVersion_ThatDoesNotExist_Returns404(string version)
    {
        var account = await Api.CreateAccountAsync();
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        using var response = await Api.GetAsync($"processes/{created.Id}/versions/{version}", account.AdministratorKey);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ArchiveProcess_NotTheDefault_ArchivesAndStaysReadable()
    {
        var account = await Api.CreateAccountAsync();
        await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Default"));
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Old"));

        using var response = await Api.SendAsync(
            HttpMethod.Delete, $"processes/{created.Id}", account.AdministratorKey);

        var archived = await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
        Assert.True((bool?)archived["archived"]);
        var read = await Api.GetProcessAsync(account.AdministratorKey, created.Id);
        Assert.True((bool?)read.Body["archived"]);
        Assert.Equal(2, read.Version);
        ApiAssert.Contains(created.Body["stages"], read.Body["stages"]);
        using var list = await Api.GetAsync("processes", account.AdministratorKey);
        var items = (await ApiAssert.StatusAsync(list, HttpStatusCode.OK))["items"]!.AsArray();
        Assert.True((bool?)items.Single(item => (string?)item!["id"] == created.Id)!["archived"]);
    }

    [Fact]
    public async Task EditProcess_WhenArchived_Returns409AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Default"));
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Old"));
        using var archive = await Api.SendAsync(HttpMethod.Delete, $"processes/{created.Id}", account.AdministratorKey);
        var archived = new VersionedProcess(
            await ApiAssert.StatusAsync(archive, HttpStatusCode.OK), ApiClient.ETagOf(archive));

        using var replace = await Api.SendAsync(HttpMethod.Put, $"processes/{created.Id}", account.AdministratorKey,
            Drafts.Simple("Revived"), archived.ETag);
        using var addStage = await Api.SendAsync(
            HttpMethod.Post, $"processes/{created.Id}/stages", account.AdministratorKey, new { name = "More" });
        using var patchStep = await Api.SendAsync(HttpMethod.Patch,
            $"processes/{created.Id}/stages/{created.StageId(0)}/steps/{created.StepId(0, 0)}",
            account.AdministratorKey, new { weight = 50 });
        using var archiveAgain = await Api.SendAsync(
            HttpMethod.Delete, $"processes/{created.Id}", account.AdministratorKey);

        await ApiAssert.ProblemAsync(replace, HttpStatusCode.Conflict);
        await ApiAssert.ProblemAsync(addStage, HttpStatusCode.Conflict);
        await ApiAssert.ProblemAsync(patchStep, HttpStatusCode.Conflict);
        await ApiAssert.ProblemAsync(archiveAgain, HttpStatusCode.Conflict);
        var read = await Api.GetProcessAsync(account.AdministratorKey, created.Id);
        ApiAssert.JsonEqual(archived.Body, read.Body, "The process changed");
    }

    [Fact]
    public async Task ArchiveProcess_TheDefault_Returns409AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        using var response = await Api.SendAsync(
            HttpMethod.Delete, $"processes/{created.Id}", account.AdministratorKey);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        var read = await Api.GetProcessAsync(account.AdministratorKey, created.Id);
        Assert.False((bool?)read.Body["archived"]);
        Assert.Equal(1, read.Version);
    }

    [Fact]
    public async Task ArchiveProcess_WithStaleIfMatch_Returns412AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Default"));
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Old"));

        using var response = await Api.SendAsync(
            HttpMethod.Delete, $"processes/{created.Id}", account.AdministratorKey, ifMatch: "\"7\"");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.PreconditionFailed);
        var read = await Api.GetProcessAsync(account.AdministratorKey, created.Id);
        Assert.False((bool?)read.Body["archived"]);
    }
}
