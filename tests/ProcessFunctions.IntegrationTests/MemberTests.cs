using System.Net;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests;

/// <summary>Members and their keys: administrators manage them, an account keeps one administrator.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class MemberTests(AzuriteFixture azurite) : ApiTest(azurite)
{
    [Fact]
    public async Task CreateMember_AsAdministrator_Returns201AndIsReadable()
    {
        var account = await Api.CreateAccountAsync();
        var body = new { displayName = "Marek Manager", email = "marek@acme.example", role = "manager" };

        using var response = await Api.SendAsync(HttpMethod.Post, "members", account.AdministratorKey, body);

        var created = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        var id = ApiClient.Text(created["id"]);
        Assert.Equal($"/api/members/{id}", response.Headers.Location?.ToString());
        using var read = await Api.GetAsync($"members/{id}", account.AdministratorKey);
        var member = await ApiAssert.StatusAsync(read, HttpStatusCode.OK);
        Assert.Equal("Marek Manager", (string?)member["displayName"]);
        Assert.Equal("marek@acme.example", (string?)member["email"]);
        Assert.Equal("manager", (string?)member["role"]);
        Assert.Empty(member["keys"]!.AsArray());
        var ids = await Api.ListAllIdsAsync("members", account.AdministratorKey, limit: 50);
        Assert.Equal(
            new[] { account.AdministratorId, id }.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UpdateMember_NameEmailAndRole_Returns200AndPersists()
    {
        var account = await Api.CreateAccountAsync();
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var patch = new { displayName = "Julia Lead", email = "julia.lead@acme.example", role = "manager" };

        using var response = await Api.SendAsync(
            HttpMethod.Patch, $"members/{user.Id}", account.AdministratorKey, patch);

        await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
        using var read = await Api.GetAsync($"members/{user.Id}", account.AdministratorKey);
        var member = await ApiAssert.StatusAsync(read, HttpStatusCode.OK);
        Assert.Equal("Julia Lead", (string?)member["displayName"]);
        Assert.Equal("julia.lead@acme.example", (string?)member["email"]);
        Assert.Equal("manager", (string?)member["role"]);
    }

    [Fact]
    public async Task UpdateMember_OnlyDisplayName_KeepsOtherFields()
    {
        var account = await Api.CreateAccountAsync();
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager", "keep@acme.example");

        using var response = await Api.SendAsync(
            HttpMethod.Patch, $"members/{manager.Id}", account.AdministratorKey, new { displayName = "Renamed" });

        var member = await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("Renamed", (string?)member["displayName"]);
        Assert.Equal("keep@acme.example", (string?)member["email"]);
        Assert.Equal("manager", (string?)member["role"]);
    }

    [Fact]
    public async Task UpdateMember_Promotion_AppliesToExistingKeysAtOnce()
    {
        var account = await Api.CreateAccountAsync();
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        using var before = await Api.SendAsync(HttpMethod.Post, "processes", user.Key, Drafts.Simple());
        await ApiAssert.ProblemAsync(before, HttpStatusCode.Forbidden);

        using var promoted = await Api.SendAsync(
            HttpMethod.Patch, $"members/{user.Id}", account.AdministratorKey, new { role = "administrator" });

        await ApiAssert.StatusAsync(promoted, HttpStatusCode.OK);
        using var after = await Api.SendAsync(HttpMethod.Post, "processes", user.Key, Drafts.Simple());
        await ApiAssert.StatusAsync(after, HttpStatusCode.Created);
    }

    [Fact]
    public async Task DeleteMember_Returns204AndRevokesTheirKeysAtOnce()
    {
        var account = await Api.CreateAccountAsync();
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        using var used = await Api.GetAsync("me", user.Key);
        await ApiAssert.StatusAsync(used, HttpStatusCode.OK);

        using var response = await Api.SendAsync(HttpMethod.Delete, $"members/{user.Id}", account.AdministratorKey);

        await ApiAssert.StatusAsync(response, HttpStatusCode.NoContent);
        using var read = await Api.GetAsync($"members/{user.Id}", account.AdministratorKey);
        await ApiAssert.ProblemAsync(read, HttpStatusCode.NotFound);
        using var me = await Api.GetAsync("me", user.Key);
        await ApiAssert.ProblemAsync(me, HttpStatusCode.Unauthorized);
        var ids = await Api.ListAllIdsAsync("members", account.AdministratorKey, limit: 50);
        Assert.Equal([account.AdministratorId], ids);
    }

    [Fact]
    public async Task CreateKey_ForMember_Returns201WithWorkingKeyListedWithoutItsText()
    {
        var account = await Api.CreateAccountAsync();
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager");

        using var response = await Api.SendAsync(
            HttpMethod.Post, $"members/{manager.Id}/keys", account.AdministratorKey, new { name = "Calendar sync" });

        var issued = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        var key = ApiClient.Text(issued["key"]);
        Assert.Equal("Calendar sync", (string?)issued["name"]);
        using var me = await Api.GetAsync("me", key);
        var caller = await ApiAssert.StatusAsync(me, HttpStatusCode.OK);
        Assert.Equal(manager.Id, (string?)caller["member"]!["id"]);
        using var read = await Api.GetAsync($"members/{manager.Id}", account.AdministratorKey);
        var member = await ApiAssert.StatusAsync(read, HttpStatusCode.OK);
        Assert.Equal(2, member["keys"]!.AsArray().Count);
        Assert.DoesNotContain(key.Split('.')[3], member.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateKey_WithoutBody_UsesDefaultName()
    {
        var account = await Api.CreateAccountAsync();

        using var response = await Api.SendAsync(
            HttpMethod.Post, $"members/{account.AdministratorId}/keys", account.AdministratorKey);

        var issued = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        Assert.Equal("API key", (string?)issued["name"]);
    }

    [Fact]
    public async Task RevokeKey_UsedKey_Returns401AtOnceOnTheSameInstance()
    {
        var account = await Api.CreateAccountAsync();
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        using var cached = await Api.GetAsync("me", user.Key);
        await ApiAssert.StatusAsync(cached, HttpStatusCode.OK);

        using var response = await Api.SendAsync(
            HttpMethod.Delete, $"members/{user.Id}/keys/{user.KeyId}", account.AdministratorKey);

        await ApiAssert.StatusAsync(response, HttpStatusCode.NoContent);
        using var me = await Api.GetAsync("me", user.Key);
        await ApiAssert.ProblemAsync(me, HttpStatusCode.Unauthorized);
        Assert.Contains(me.Headers.WwwAuthenticate, header => header.Scheme == "Bearer");
        using var read = await Api.GetAsync($"members/{user.Id}", account.AdministratorKey);
        var member = await ApiAssert.StatusAsync(read, HttpStatusCode.OK);
        Assert.NotNull((string?)member["keys"]![0]!["revokedAt"]);
    }

    [Fact]
    public async Task RevokeKey_OfAnotherMember_Returns404AndKeyKeepsWorking()
    {
        var account = await Api.CreateAccountAsync();
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var other = await Api.CreateMemberAsync(account.AdministratorKey, "user");

        using var response = await Api.SendAsync(
            HttpMethod.Delete, $"members/{other.Id}/keys/{user.KeyId}", account.AdministratorKey);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        using var me = await Api.GetAsync("me", user.Key);
        await ApiAssert.StatusAsync(me, HttpStatusCode.OK);
    }

    [Fact]
    public async Task UpdateMember_DemotingLastAdministrator_Returns409AndKeepsRole()
    {
        var account = await Api.CreateAccountAsync();
        await Api.CreateMemberAsync(account.AdministratorKey, "manager");

        using var response = await Api.SendAsync(
            HttpMethod.Patch, $"members/{account.AdministratorId}", account.AdministratorKey, new { role = "manager" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        using var me = await Api.GetAsync("me", account.AdministratorKey);
        var caller = await ApiAssert.StatusAsync(me, HttpStatusCode.OK);
        Assert.Equal("administrator", (string?)caller["member"]!["role"]);
    }

    [Fact]
    public async Task DeleteMember_LastAdministrator_Returns409AndKeepsMember()
    {
        var account = await Api.CreateAccountAsync();

        using var response = await Api.SendAsync(
            HttpMethod.Delete, $"members/{account.AdministratorId}", account.AdministratorKey);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        using var me = await Api.GetAsync("me", account.AdministratorKey);
        await ApiAssert.StatusAsync(me, HttpStatusCode.OK);
    }

    [Fact]
    public async Task UpdateMember_DemotingOneOfTwoAdministrators_Returns200ThenLastIsProtected()
    {
        var account = await Api.CreateAccountAsync();
        var second = await Api.CreateMemberAsync(account.AdministratorKey, "administrator");

        using var demoted = await Api.SendAsync(
            HttpMethod.Patch, $"members/{account.AdministratorId}", second.Key, new { role = "user" });
        using var last = await Api.SendAsync(
            HttpMethod.Patch, $"members/{second.Id}", second.Key, new { role = "manager" });

        var member = await ApiAssert.StatusAsync(demoted, HttpStatusCode.OK);
        Assert.Equal("user", (string?)member["role"]);
        await ApiAssert.ProblemAsync(last, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("anna@acme.example")]
    [InlineData("ANNA@Acme.Example")]
    public async Task CreateMember_WithEmailInUse_Returns409AndNothingWritten(string email)
    {
        var account = await Api.CreateAccountAsync();
        var body = new { displayName = "Anna Again", email, role = "user" };

        using var response = await Api.SendAsync(HttpMethod.Post, "members", account.AdministratorKey, body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict, "email");
        var ids = await Api.ListAllIdsAsync("members", account.AdministratorKey, limit: 50);
        Assert.Equal([account.AdministratorId], ids);
    }

    [Fact]
    public async Task UpdateMember_ToEmailInUse_Returns409AndKeepsEmail()
    {
        var account = await Api.CreateAccountAsync();
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user", "julia@acme.example");

        using var response = await Api.SendAsync(
            HttpMethod.Patch, $"members/{user.Id}", account.AdministratorKey, new { email = "anna@acme.example" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict, "email");
        using var read = await Api.GetAsync($"members/{user.Id}", account.AdministratorKey);
        var member = await ApiAssert.StatusAsync(read, HttpStatusCode.OK);
        Assert.Equal("julia@acme.example", (string?)member["email"]);
    }

    [Fact]
    public async Task UpdateMember_EmailChange_ReleasesTheOldAddress()
    {
        var account = await Api.CreateAccountAsync();
        var user = await Api.CreateMemberAsync(account.AdministratorKey, "user", "old@acme.example");
        using var changed = await Api.SendAsync(
            HttpMethod.Patch, $"members/{user.Id}", account.AdministratorKey, new { email = "new@acme.example" });
        await ApiAssert.StatusAsync(changed, HttpStatusCode.OK);

        using var response = await Api.SendAsync(HttpMethod.Post, "members", account.AdministratorKey,
            new { displayName = "Newcomer", email = "old@acme.example", role = "user" });

        await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("user")]
    [InlineData("manager")]
    public async Task CreateMember_BelowAdministrator_Returns403AndNothingWritten(string role)
    {
        var account = await Api.CreateAccountAsync();
        var caller = await Api.CreateMemberAsync(account.AdministratorKey, role);
        var body = new { displayName = "Sneaky", email = "sneaky@acme.example", role = "administrator" };

        using var response = await Api.SendAsync(HttpMethod.Post, "members", caller.Key, body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        var ids = await Api.ListAllIdsAsync("members", account.AdministratorKey, limit: 50);
        Assert.Equal(2, ids.Count);
    }

    [Fact]
    public async Task UpdateMember_AsManager_Returns403AndKeepsRole()
    {
        var account = await Api.CreateAccountAsync();
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager");

        using var response = await Api.SendAsync(
            HttpMethod.Patch, $"members/{manager.Id}", manager.Key, new { role = "administrator" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        using var me = await Api.GetAsync("me", manager.Key);
        var caller = await ApiAssert.StatusAsync(me, HttpStatusCode.OK);
        Assert.Equal("manager", (string?)caller["member"]!["role"]);
    }

    [Theory]
    [InlineData("""{ "role": null }""")]
    [InlineData("""{ "role": "owner" }""")]
    [InlineData("""{ "role": 0 }""")]
    public async Task UpdateMember_RoleNullOrUnknown_Returns400AndKeepsRole(string patch)
    {
        var account = await Api.CreateAccountAsync();
        var manager = await Api.CreateMemberAsync(account.AdministratorKey, "manager");

        using var response = await Api.SendAsync(
            HttpMethod.Patch, $"members/{manager.Id}", account.AdministratorKey, patch);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "role");
        using var read = await Api.GetAsync($"members/{manager.Id}", account.AdministratorKey);
        var member = await ApiAssert.StatusAsync(read, HttpStatusCode.OK);
        Assert.Equal("manager", (string?)member["role"]);
    }

    [Theory]
    [InlineData("""{ "displayName": "X", "email": "x@acme.example", "role": "owner" }""", "role")]
    [InlineData("""{ "displayName": "X", "email": "x@acme.example", "role": 2 }""", "role")]
    [InlineData("""{ "displayName": "X", "role": "user" }""", "email")]
    [InlineData("""{ "displayName": "X", "email": "x@acme.example", "role": "user", "admin": true }""", "admin")]
    [InlineData("""{ "displayName": ["X"], "email": "x@acme.example", "role": "user" }""", "displayName")]
    public async Task CreateMember_WithMalformedBody_Returns400NamingFieldAndNothingWritten(string body, string field)
    {
        var account = await Api.CreateAccountAsync();

        using var response = await Api.SendAsync(HttpMethod.Post, "members", account.AdministratorKey, body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        var ids = await Api.ListAllIdsAsync("members", account.AdministratorKey, limit: 50);
        Assert.Equal([account.AdministratorId], ids);
    }

    [Fact]
    public async Task CreateMember_WithInvalidEmail_Returns422AndNothingWritten()
    {
        var account = await Api.CreateAccountAsync();
        var body = new { displayName = "X", email = "x at acme", role = "user" };

        using var response = await Api.SendAsync(HttpMethod.Post, "members", account.AdministratorKey, body);

        await ApiAssert.ProblemAsync(response, (HttpStatusCode)422, "email");
        var ids = await Api.ListAllIdsAsync("members", account.AdministratorKey, limit: 50);
        Assert.Equal([account.AdministratorId], ids);
    }

    [Fact]
    public async Task GetMember_OfAnotherAccount_Returns404()
    {
        var account = await Api.CreateAccountAsync();
        var other = await Api.CreateAccountAsync("Other Ltd");

        using var response = await Api.GetAsync($"members/{other.AdministratorId}", account.AdministratorKey);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }
}
