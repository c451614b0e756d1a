using System.Text.Json.Nodes;
using ProcessFunctions.InfraTests.Infrastructure;

namespace ProcessFunctions.InfraTests;

/// <summary>Transport, authentication and publishing settings the deployment must hold.</summary>
[Collection(CompiledTemplateDefinition.Name)]
public sealed class HardeningTests(CompiledTemplate template)
{
    private static readonly string[] StorageEntityTypes =
    [
        "Microsoft.Storage/storageAccounts/tableServices/tables",
        "Microsoft.Storage/storageAccounts/queueServices/queues",
        "Microsoft.Storage/storageAccounts/blobServices/containers",
    ];

    private static readonly string[] StorageEntitiesTheAppUses =
    [
        "accounts", "processes", "deals", "effects",
        "step-effects", "step-effects-poison", "webhook-deliveries", "webhook-deliveries-poison",
        "deal-files",
    ];

    [Fact]
    public void StorageAccount_SharedKeyAndPlainHttp_AreRefused()
    {
        var properties = template.SingleResourceOfType("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False(Literal<bool>(properties, "allowSharedKeyAccess"));
        Assert.True(Literal<bool>(properties, "supportsHttpsTrafficOnly"));
        Assert.Equal("TLS1_2", Literal<string>(properties, "minimumTlsVersion"));
        Assert.False(Literal<bool>(properties, "allowBlobPublicAccess"));
    }

    [Fact]
    public void StorageAccount_TablesQueuesAndContainers_AreDeclared()
    {
        var declared = StorageEntityTypes
            .SelectMany(template.ResourcesOfType)
            .SelectMany(template.DeclaredNames)
            .ToHashSet(StringComparer.Ordinal);

        var missing = StorageEntitiesTheAppUses.Where(name => !declared.Contains(name));

        Assert.Empty(missing);
    }

    [Fact]
    public void FunctionApp_Transport_IsHttpsOnlyWithTls12AndNoFtp()
    {
        var properties = template.SingleResourceOfType("Microsoft.Web/sites")["properties"]!;

        Assert.True(Literal<bool>(properties, "httpsOnly"));
        Assert.Equal("1.2", Literal<string>(properties["siteConfig"]!, "minTlsVersion"));
        Assert.Equal("Disabled", Literal<string>(properties["siteConfig"]!, "ftpsState"));
    }

    [Fact]
    public void FunctionApp_FlexConsumption_RunsDotnetIsolated10FromIdentityPackage()
    {
        var plan = template.SingleResourceOfType("Microsoft.Web/serverfarms");
        var config = template.SingleResourceOfType("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!;

        Assert.Equal("FC1", Literal<string>(plan["sku"]!, "name"));
        Assert.Equal("dotnet-isolated", Literal<string>(config["runtime"]!, "name"));
        Assert.Equal("10.0", Literal<string>(config["runtime"]!, "version"));
        Assert.Equal("UserAssignedIdentity",
            Literal<string>(config["deployment"]!["storage"]!["authentication"]!, "type"));
    }

    [Fact]
    public void FunctionApp_KeyVaultReferences_UseTheUserAssignedIdentity()
    {
        var properties = template.SingleResourceOfType("Microsoft.Web/sites")["properties"]!;

        var identity = (string?)properties["keyVaultReferenceIdentity"];

        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", identity, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp")]
    [InlineData("scm")]
    public void BasicPublishingCredentials_Policy_IsDisabled(string policy)
    {
        var policies = template.ResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        var match = Assert.Single(policies, resource => template.DeclaredNames(resource).Contains(policy));

        Assert.False(Literal<bool>(match["properties"]!, "allow"));
    }

    [Fact]
    public void KeyVault_Access_IsRbacWithSoftDeleteAndPurgeProtection()
    {
        var properties = template.SingleResourceOfType("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True(Literal<bool>(properties, "enableRbacAuthorization"));
        Assert.True(Literal<bool>(properties, "enableSoftDelete"));
        Assert.True(Literal<bool>(properties, "enablePurgeProtection"));
    }

    [Fact]
    public void ApplicationInsights_Workspace_IsLinked()
    {
        var properties = template.SingleResourceOfType("Microsoft.Insights/components")["properties"]!;

        var workspace = (string?)properties["WorkspaceResourceId"];

        Assert.Contains("Microsoft.OperationalInsights/workspaces", workspace, StringComparison.Ordinal);
    }

    // A setting has to be written as a literal, not computed, for the test to vouch for it.
    private static T Literal<T>(JsonNode node, string property)
    {
        var value = node[property] as JsonValue;
        Assert.True(value is not null && value.TryGetValue(out T? _),
            $"{property} must be the literal {typeof(T).Name}, found {node[property]?.ToJsonString() ?? "nothing"}.");
        return value.GetValue<T>();
    }
}
