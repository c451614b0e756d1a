using System.Net;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests;

/// <summary>Creating an account, who the caller is, and who may call at all.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class AccountTests(AzuriteFixture azurite) : ApiTest(azurite)
{
    [Fact]
    public async Task CreateAccount_WithProvisioningKey_Returns201WithKeyThatWorksForMe()
    {
        var body = new { name = "Acme", administrator = new { displayName = "Anna", email = "anna@acme.example" } };

        using var response = await Api.SendAsync(HttpMethod.Post, "accounts", Api.ProvisioningKey, body);

        var created = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        var key = ApiClient.Text(created["key"]!["key"]);
        Assert.StartsWith("pfk.", key, StringComparison.Ordinal);
        Assert.Equal("administrator", (string?)created["administrator"]!["role"]);
        using var me = await Api.GetAsync("me", key);
        var caller = await ApiAssert.StatusAsync(me, HttpStatusCode.OK);
        Assert.Equal((string?)created["account"]!["id"], (string?)caller["account"]!["id"]);
        Assert.Equal("Acme", (string?)caller["account"]!["name"]);
        Assert.Equal((string?)created["administrator"]!["id"], (string?)caller["member"]!["id"]);
        Assert.Equal("anna@acme.example", (string?)caller["member"]!["email"]);
    }

    [Fact]
    public async Task CreateAccount_KeyText_IsNeverShownAgain()
    {
        var account = await Api.CreateAccountAsync();
        var secret = account.AdministratorKey.Split('.')[3];

        using var member = await Api.GetAsync($"members/{account.AdministratorId}", account.AdministratorKey);
        using var me = await Api.GetAsync("me", account.AdministratorKey);

        var details = await ApiAssert.StatusAsync(member, HttpStatusCode.OK);
        var keys = details["keys"]!.AsArray();
        Assert.Single(keys);
        Assert.Equal(account.AdministratorKey.Split('.')[2], (string?)keys[0]!["id"]);
        Assert.DoesNotContain(secret, details.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-provisioning-key")]
    public async Task CreateAccount_WithoutProvisioningKey_Returns401(string? key)
    {
        var body = new { name = "Acme", administrator = new { displayName = "Anna", email = "anna@acme.example" } };

        using var response = await Api.SendAsync(HttpMethod.Post, "accounts", key, body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, header => header.Scheme == "Bearer");
    }

    [Fact]
    public async Task CreateAccount_WithMemberKey_Returns401()
    {
        var account = await Api.CreateAccountAsync();
        var body = new { name = "Other", administrator = new { displayName = "Otto", email = "otto@other.example" } };

        using var response = await Api.SendAsync(HttpMethod.Post, "accounts", account.AdministratorKey, body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreateAccount_WithInvalidAdministrator_Returns422NamingFields()
    {
        var body = new { name = "Acme", administrator = new { displayName = " ", email = "not-an-email" } };

        using var response = await Api.SendAsync(HttpMethod.Post, "accounts", Api.ProvisioningKey, body);

        await ApiAssert.ProblemAsync(
            response, (HttpStatusCode)422, "administrator.displayName", "administrator.email");
    }

    [Fact]
    public async Task GetMe_WithoutKey_Returns401WithWwwAuthenticate()
    {
        using var response = await Api.GetAsync("me", key: null);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, header => header.Scheme == "Bearer");
    }

    [Fact]
    public async Task GetMe_WithTamperedOrUnknownKey_Returns401()
    {
        var account = await Api.CreateAccountAsync();
        var parts = account.AdministratorKey.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{parts[2]}.{new string('A', parts[3].Length)}";
        var unknownKeyId = $"{parts[0]}.{parts[1]}.key_0000000000000000.{parts[3]}";
        var otherAccount = $"{parts[0]}.acc_0000000000000000.{parts[2]}.{parts[3]}";

        using var tamperedResponse = await Api.GetAsync("me", tampered);
        using var unknownResponse = await Api.GetAsync("me", unknownKeyId);
        using var otherResponse = await Api.GetAsync("me", otherAccount);
        using var garbageResponse = await Api.GetAsync("me", "garbage");

        await ApiAssert.ProblemAsync(tamperedResponse, HttpStatusCode.Unauthorized);
        await ApiAssert.ProblemAsync(unknownResponse, HttpStatusCode.Unauthorized);
        await ApiAssert.ProblemAsync(otherResponse, HttpStatusCode.Unauthorized);
        await ApiAssert.ProblemAsync(garbageResponse, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Health_WithoutKey_Returns200()
    {
        using var response = await Api.GetAsync("health", key: null);

        var health = await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("healthy", (string?)health["status"]);
    }
}
