using System.Net;
using System.Text.Json.Nodes;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests;

/// <summary>Keys, roles, tenants and route ids: who may change a process, and what others see.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class AccessTests(AzuriteFixture azurite) : ApiTest(azurite)
{
    /// <summary>
    /// Every process-changing call, as method and path under the process (S = stage, T = step).
    /// The target is not the default process, so an administrator could make each of them.
    /// </summary>
    public static TheoryData<string, string, string?> ProcessChanges => new()
    {
        { "PUT", "", """{ "name": "Changed" }""" },
        { "DELETE", "", null },
        { "POST", "/stages", """{ "name": "Extra" }""" },
        { "PATCH", "/stages/{S}", """{ "name": "Renamed" }""" },
        { "DELETE", "/stages/{S}", null },
        { "PUT", "/stages/order", """{ "stageIds": [ "{S1}", "{S}" ] }""" },
        { "POST", "/stages/{S}/steps", """{ "name": "Extra", "weight": 1 }""" },
        { "PATCH", "/stages/{S}/steps/{T}", """{ "weight": 50 }""" },
        { "DELETE", "/stages/{S}/steps/{T}", null },
        { "PUT", "/stages/{S}/steps/order", """{ "stepIds": [ "{T1}", "{T}" ] }""" },
    };

    /// <summary>Whole-document, stage and step changes and archiving; authentication precedes them all.</summary>
    public static TheoryData<string, string, string?> SomeProcessChanges => new()
    {
        { "PUT", "", """{ "name": "Changed" }""" },
        { "DELETE", "", null },
        { "POST", "/stages", """{ "name": "Extra" }""" },
        { "PATCH", "/stages/{S}/steps/{T}", """{ "weight": 50 }""" },
    };

    public static TheoryData<string> Roles => new() { "user", "manager" };

    [Theory]
    [MemberData(nameof(ProcessChanges))]
    public async Task ChangeProcess_AsAdministrator_Succeeds(string method, string path, string? body)
    {
        var account = await Api.CreateAccountAsync();
        await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Default"));
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        using var response = await SendAsync(account.AdministratorKey, method, process, path, body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        var read = await Api.GetProcessAsync(account.AdministratorKey, process.Id);
        Assert.Equal(process.Version + 1, read.Version);
    }

    [Theory]
    [MemberData(nameof(ProcessChanges))]
    public async Task ChangeProcess_AsUser_Returns403AndNothingWritten(string method, string path, string? body)
    {
        await AssertForbiddenAsync("user", method, path, body);
    }

    [Theory]
    [MemberData(nameof(ProcessChanges))]
    public async Task ChangeProcess_AsManager_Returns403AndNothingWritten(string method, string path, string? body)
    {
        await AssertForbiddenAsync("manager", method, path, body);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task CreateProcess_BelowAdministrator_Returns403AndNothingWritten(string role)
    {
        var account = await Api.CreateAccountAsync();
        var member = await Api.CreateMemberAsync(account.AdministratorKey, role);

        using var response = await Api.SendAsync(HttpMethod.Post, "processes", member.Key, Drafts.Simple());

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        using var list = await Api.GetAsync("processes", account.AdministratorKey);
        Assert.Empty((await ApiAssert.StatusAsync(list, HttpStatusCode.OK))["items"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task ReadProcesses_BelowAdministrator_Returns200(string role)
    {
        var account = await Api.CreateAccountAsync();
        var member = await Api.CreateMemberAsync(account.AdministratorKey, role);
        var created = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        using var list = await Api.GetAsync("processes", member.Key);
        using var versions = await Api.GetAsync($"processes/{created.Id}/versions", member.Key);
        using var version = await Api.GetAsync($"processes/{created.Id}/versions/1", member.Key);
        var read = await Api.GetProcessAsync(member.Key, created.Id);

        Assert.Single((await ApiAssert.StatusAsync(list, HttpStatusCode.OK))["items"]!.AsArray());
        await ApiAssert.StatusAsync(versions, HttpStatusCode.OK);
        await ApiAssert.StatusAsync(version, HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(created.Body, read.Body));
    }

    [Theory]
    [MemberData(nameof(ProcessChanges))]
    public async Task ChangeProcess_OfAnotherAccount_Returns404AndNothingWritten(
        string method, string path, string? body)
    {
        var owner = await Api.CreateAccountAsync("Owner Ltd");
        await Api.CreateProcessAsync(owner.AdministratorKey, Drafts.Simple("Default"));
        var process = await Api.CreateProcessAsync(owner.AdministratorKey, Drafts.Simple());
        var intruder = await Api.CreateAccountAsync("Intruder Ltd");

        using var response = await SendAsync(intruder.AdministratorKey, method, process, path, body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        await AssertUnchangedAsync(owner.AdministratorKey, process);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/versions")]
    [InlineData("/versions/1")]
    public async Task ReadProcess_OfAnotherAccount_Returns404(string path)
    {
        var owner = await Api.CreateAccountAsync("Owner Ltd");
        var process = await Api.CreateProcessAsync(owner.AdministratorKey, Drafts.Simple());
        var intruder = await Api.CreateAccountAsync("Intruder Ltd");

        using var response = await Api.GetAsync($"processes/{process.Id}{path}", intruder.AdministratorKey);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "processes/bad!id")]
    [InlineData("GET", "processes/prc.x")]
    [InlineData("GET", "processes/_prc")]
    [InlineData("GET", "processes/prc~1/versions")]
    [InlineData("PUT", "processes/prc%20x")]
    [InlineData("GET", "processes/prc%23x")]
    [InlineData("GET", "processes/prc%3Fx")]
    [InlineData("GET", "processes/prc%5Cx")]
    [InlineData("PATCH", "processes/{P}/stages/stg$1")]
    [InlineData("DELETE", "processes/{P}/stages/stg'1")]
    [InlineData("PATCH", "processes/{P}/stages/{S}/steps/stp(1)")]
    [InlineData("DELETE", "processes/{P}/stages/{S}/steps/stp%2A1")]
    [InlineData("GET", "members/mbr@x")]
    [InlineData("PATCH", "members/mbr%3Bx")]
    [InlineData("DELETE", "members/{M}/keys/key,1")]
    public async Task Request_WithInvalidIdInRoute_Returns404AndNothingWritten(string method, string path)
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var route = path.Replace("{P}", process.Id).Replace("{S}", process.StageId(0))
            .Replace("{M}", account.AdministratorId);
        var body = method is "GET" or "DELETE" ? null : """{ "name": "Changed", "weight": 1 }""";

        using var response = await Api.SendAsync(
            new HttpMethod(method), route, account.AdministratorKey, body, process.ETag);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        await AssertUnchangedAsync(account.AdministratorKey, process);
    }

    [Fact]
    public async Task Request_WithOverlongId_Returns404()
    {
        var account = await Api.CreateAccountAsync();

        using var response = await Api.GetAsync($"processes/prc_{new string('a', 80)}", account.AdministratorKey);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(SomeProcessChanges))]
    public async Task ChangeProcess_WithoutKey_Returns401WithWwwAuthenticateAndNothingWritten(
        string method, string path, string? body)
    {
        var account = await Api.CreateAccountAsync();
        await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Default"));
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        using var response = await SendAsync(key: null, method, process, path, body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, header => header.Scheme == "Bearer");
        await AssertUnchangedAsync(account.AdministratorKey, process);
    }

    [Theory]
    [MemberData(nameof(SomeProcessChanges))]
    public async Task ChangeProcess_WithRevokedKey_Returns401AndNothingWritten(string method, string path, string? body)
    {
        var account = await Api.CreateAccountAsync();
        await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Default"));
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var revoked = await Api.CreateKeyAsync(account.AdministratorKey, account.AdministratorId);
        await Api.GetProcessAsync(revoked.Key, process.Id);
        using var revoke = await Api.SendAsync(HttpMethod.Delete,
            $"members/{account.AdministratorId}/keys/{revoked.KeyId}", account.AdministratorKey);
        await ApiAssert.StatusAsync(revoke, HttpStatusCode.NoContent);

        using var response = await SendAsync(revoked.Key, method, process, path, body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, header => header.Scheme == "Bearer");
        await AssertUnchangedAsync(account.AdministratorKey, process);
    }

    [Theory]
    [InlineData("me")]
    [InlineData("members")]
    [InlineData("processes")]
    public async Task Read_WithoutKey_Returns401WithWwwAuthenticate(string path)
    {
        using var response = await Api.GetAsync(path, key: null);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, header => header.Scheme == "Bearer");
    }

    private async Task AssertForbiddenAsync(string role, string method, string path, string? body)
    {
        var account = await Api.CreateAccountAsync();
        var member = await Api.CreateMemberAsync(account.AdministratorKey, role);
        await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple("Default"));
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        using var response = await SendAsync(member.Key, method, process, path, body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        await AssertUnchangedAsync(account.AdministratorKey, process);
    }

    /// <summary>Sends a change to <paramref name="process"/> with its current ETag, so only access stops it.</summary>
    private Task<HttpResponseMessage> SendAsync(
        string? key, string method, VersionedProcess process, string path, string? body)
    {
        string Fill(string text) => text
            .Replace("{S1}", process.StageId(1)).Replace("{T1}", process.StepId(0, 1))
            .Replace("{S}", process.StageId(0)).Replace("{T}", process.StepId(0, 0));
        return Api.SendAsync(
            new HttpMethod(method), $"processes/{process.Id}{Fill(path)}", key,
            body is null ? null : Fill(body), process.ETag);
    }

    private async Task AssertUnchangedAsync(string key, VersionedProcess before)
    {
        var read = await Api.GetProcessAsync(key, before.Id);
        Assert.Equal(before.ETag, read.ETag);
        ApiAssert.JsonEqual(before.Body, read.Body, "The process changed");
    }
}
