using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProcessFunctions.InfraTests.Infrastructure;

namespace ProcessFunctions.InfraTests;

/// <summary>The managed identity holds data-plane roles only, each from a short, named list.</summary>
[Collection(CompiledTemplateDefinition.Name)]
public sealed partial class RoleAssignmentTests(CompiledTemplate template)
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    private const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";

    private static readonly HashSet<string> AllowedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        StorageTableDataContributor,
        StorageQueueDataContributor,
        StorageBlobDataOwner,
        StorageBlobDataContributor,
        KeyVaultSecretsUser,
        MonitoringMetricsPublisher,
    };

    [Fact]
    public void RoleAssignments_EveryRole_IsOnTheAllowedList()
    {
        var roles = RoleIds();

        Assert.NotEmpty(roles);
        Assert.All(roles, role => Assert.Contains(role, AllowedRoles));
    }

    [Theory]
    [InlineData(Owner)]
    [InlineData(Contributor)]
    public void RoleAssignments_BroadManagementRole_IsNeverGranted(string role)
    {
        var roles = RoleIds();

        Assert.DoesNotContain(role, roles, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(StorageTableDataContributor)]
    [InlineData(StorageQueueDataContributor)]
    [InlineData(KeyVaultSecretsUser)]
    public void RoleAssignments_RoleTheAppNeeds_IsGranted(string role)
    {
        var roles = RoleIds();

        Assert.Contains(role, roles, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void RoleAssignments_BlobAccess_IsGrantedOnce()
    {
        var roles = RoleIds();

        var blobRoles = roles.Where(role => role is StorageBlobDataOwner or StorageBlobDataContributor);

        Assert.Single(blobRoles);
    }

    [Fact]
    public void RoleAssignments_Names_AreGuidsOfScopePrincipalAndRole()
    {
        var assignments = template.ResourcesOfType("Microsoft.Authorization/roleAssignments");

        Assert.All(assignments, assignment =>
        {
            var name = (string?)assignment["name"] ?? "";
            Assert.StartsWith("[guid(", name, StringComparison.Ordinal);
            Assert.Contains(RoleIdOf(assignment), name, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("ServicePrincipal", (string?)assignment["properties"]?["principalType"]);
        });
    }

    private List<string> RoleIds() =>
        template.ResourcesOfType("Microsoft.Authorization/roleAssignments").Select(RoleIdOf).ToList();

    // The role must be written as its GUID so a reader (and this test) can tell which role it is.
    private static string RoleIdOf(JsonObject assignment)
    {
        var definition = (string?)assignment["properties"]?["roleDefinitionId"] ?? "";
        var match = Guid().Match(definition);
        Assert.True(match.Success, $"Role definition '{definition}' does not name the role GUID.");
        return match.Value.ToLowerInvariant();
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
