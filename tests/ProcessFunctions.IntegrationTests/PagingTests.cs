using System.Buffers.Text;
using System.Net;
using System.Text;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests;

/// <summary>
/// Lists page with a limit and an opaque cursor; a bad limit, or a cursor the API did not issue, is refused.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class PagingTests(AzuriteFixture azurite) : ApiTest(azurite)
{
    public static TheoryData<string> Lists => new() { "members", "processes", "processes/{P}/versions" };

    [Fact]
    public async Task ListMembers_WithLimit_PagesThroughEveryMemberOnce()
    {
        var account = await Api.CreateAccountAsync();
        var expected = new List<string> { account.AdministratorId };
        for (var i = 0; i < 4; i++)
        {
            expected.Add((await Api.CreateMemberAsync(account.AdministratorKey, "user")).Id);
        }

        using var first = await Api.GetAsync("members?limit=2", account.AdministratorKey);
        var ids = await Api.ListAllIdsAsync("members", account.AdministratorKey, limit: 2);

        var page = await ApiAssert.StatusAsync(first, HttpStatusCode.OK);
        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.False(string.IsNullOrEmpty((string?)page["nextCursor"]));
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListProcesses_WithLimit_PagesThroughEveryProcessOnce()
    {
        var account = await Api.CreateAccountAsync();
        var expected = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            expected.Add((await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple($"Process {i}"))).Id);
        }

        using var first = await Api.GetAsync("processes?limit=2", account.AdministratorKey);
        var ids = await Api.ListAllIdsAsync("processes", account.AdministratorKey, limit: 2);

        var page = await ApiAssert.StatusAsync(first, HttpStatusCode.OK);
        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.False(string.IsNullOrEmpty((string?)page["nextCursor"]));
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListProcesses_Summary_CountsStagesStepsAndWeight()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        using var response = await Api.GetAsync("processes", account.AdministratorKey);

        var item = (await ApiAssert.StatusAsync(response, HttpStatusCode.OK))["items"]!.AsArray().Single()!;
        Assert.Equal(process.Id, (string?)item["id"]);
        Assert.Equal("B2B sales", (string?)item["name"]);
        Assert.Equal(2, (int?)item["stageCount"]);
        Assert.Equal(4, (int?)item["stepCount"]);
        Assert.Equal(75, (int?)item["totalWeight"]);
        Assert.True((bool?)item["isDefault"]);
        Assert.Null(item["stages"]);
    }

    [Fact]
    public async Task ListVersions_WithLimit_PagesInVersionOrder()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        for (var i = 0; i < 4; i++)
        {
            using var added = await Api.SendAsync(
                HttpMethod.Post, $"processes/{process.Id}/stages", account.AdministratorKey, new { name = $"S{i}" });
            await ApiAssert.StatusAsync(added, HttpStatusCode.Created);
        }

        var versions = new List<int>();
        string? cursor = null;
        do
        {
            var query = cursor is null ? "?limit=2" : $"?limit=2&cursor={Uri.EscapeDataString(cursor)}";
            using var response = await Api.GetAsync(
                $"processes/{process.Id}/versions{query}", account.AdministratorKey);
            var page = await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
            Assert.True(page["items"]!.AsArray().Count <= 2);
            versions.AddRange(page["items"]!.AsArray().Select(item => (int)item!["version"]!));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        Assert.Equal([1, 2, 3, 4, 5], versions);
    }

    [Theory]
    [InlineData("members", "0")]
    [InlineData("members", "201")]
    [InlineData("members", "ten")]
    [InlineData("processes", "-1")]
    [InlineData("processes", "")]
    [InlineData("processes", "2.5")]
    [InlineData("processes/{P}/versions", "0")]
    [InlineData("processes/{P}/versions", "1000")]
    public async Task List_WithBadLimit_Returns422NamingLimit(string list, string limit)
    {
        var (key, path) = await ListAsync(list);

        using var response = await Api.GetAsync($"{path}?limit={limit}", key);

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, "limit");
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task List_WithLimitAtMaximum_Returns200(string list)
    {
        var (key, path) = await ListAsync(list);

        using var response = await Api.GetAsync($"{path}?limit=200", key);

        await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task List_WithGarbageCursor_Returns400NamingCursor(string list)
    {
        var (key, path) = await ListAsync(list);
        var garbage = new[]
        {
            "zzzz",
            "!!!",
            Base64Url.EncodeToString(Encoding.UTF8.GetBytes("abc def")),
            Base64Url.EncodeToString(Encoding.UTF8.GetBytes("not a cursor")),
        };

        foreach (var cursor in garbage)
        {
            using var response = await Api.GetAsync($"{path}?cursor={Uri.EscapeDataString(cursor)}", key);

            await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "cursor");
        }
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task List_WithTamperedCursor_Returns400NamingCursor(string list)
    {
        var (key, path) = await ListAsync(list);
        using var first = await Api.GetAsync($"{path}?limit=1", key);
        var cursor = (string?)(await ApiAssert.StatusAsync(first, HttpStatusCode.OK))["nextCursor"];
        Assert.NotNull(cursor);
        var tampered = (cursor[0] == 'A' ? "B" : "A") + cursor[1..];

        using var response = await Api.GetAsync($"{path}?limit=1&cursor={Uri.EscapeDataString(tampered)}", key);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "cursor");
    }

    /// <summary>An account whose three lists each hold two items; the key and the list's path.</summary>
    private async Task<(string Key, string Path)> ListAsync(string list)
    {
        var account = await Api.CreateAccountAsync();
        await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Second"));
        using var added = await Api.SendAsync(
            HttpMethod.Post, $"processes/{process.Id}/stages", account.AdministratorKey, new { name = "More" });
        await ApiAssert.StatusAsync(added, HttpStatusCode.Created);
        return (account.AdministratorKey, list.Replace("{P}", process.Id));
    }
}
