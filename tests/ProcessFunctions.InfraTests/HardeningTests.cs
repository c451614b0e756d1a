using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProcessFunctions.Functions.Configuration;
using ProcessFunctions.Functions.Http;
using ProcessFunctions.Storage;
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

    // Every table, queue and container the app registers, read from its own service registrations,
    // so that a feature adding storage cannot ship without the template creating it.
    private static readonly string[] StorageEntitiesTheAppUses = new ServiceCollection()
        .AddProcessFunctions(new ConfigurationBuilder().Build(), HostKind.FunctionsHost)
        .BuildServiceProvider()
        .GetServices<StorageResource>()
        .Select(resource => resource.Name)
        .Distinct()
        .ToArray();

    [Fact]
    public void StorageAccount_SharedKeyAndPlainHttp_AreRefused()
    {
        var properties = template.SingleResourceOfType("Microsoft.Storage/storageAccounts")["properties"]!;

        AssertLiteral(properties, "allowSharedKeyAccess", false);
        AssertLiteral(properties, "supportsHttpsTrafficOnly", true);
        AssertLiteral(properties, "minimumTlsVersion", "TLS1_2");
        AssertLiteral(properties, "allowBlobPublicAccess", false);
    }

    [Fact]
    public void StorageAccount_TablesQueuesAndContainers_AreDeclared()
    {
        var declared = StorageEntityTypes
            .SelectMany(template.ResourcesOfType)
            .SelectMany(template.DeclaredNames)
            .ToHashSet(StringComparer.Ordinal);

        var missing = StorageEntitiesTheAppUses.Where(name => !declared.Contains(name));

        Assert.Contains("step-effects", StorageEntitiesTheAppUses);
        Assert.Empty(missing);
    }

    [Fact]
    public void FunctionApp_Transport_IsHttpsOnlyWithTls12AndNoFtp()
    {
        var properties = template.SingleResourceOfType("Microsoft.Web/sites")["properties"]!;

        AssertLiteral(properties, "httpsOnly", true);
        AssertLiteral(properties["siteConfig"]!, "minTlsVersion", "1.2");
        AssertLiteral(properties["siteConfig"]!, "ftpsState", "Disabled");
    }

    [Fact]
    public void FunctionApp_FlexConsumption_RunsDotnetIsolated10FromIdentityPackage()
    {
        var plan = template.SingleResourceOfType("Microsoft.Web/serverfarms");
        var config = template.SingleResourceOfType("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!;

        AssertLiteral(plan["sku"]!, "name", "FC1");
        AssertLiteral(config["runtime"]!, "name", "dotnet-isolated");
        AssertLiteral(config["runtime"]!, "version", "10.0");
        AssertLiteral(config["deployment"]!["storage"]!["authentication"]!, "type", "UserAssignedIdentity");
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

        AssertLiteral(match["properties"]!, "allow", false);
    }

    [Fact]
    public void KeyVault_Access_IsRbacWithSoftDeleteAndPurgeProtection()
    {
        var properties = template.SingleResourceOfType("Microsoft.KeyVault/vaults")["properties"]!;

        AssertLiteral(properties, "enableRbacAuthorization", true);
        AssertLiteral(properties, "enableSoftDelete", true);
        AssertLiteral(properties, "enablePurgeProtection", true);
    }

    [Fact]
    public void ApplicationInsights_Workspace_IsLinked()
    {
        var properties = template.SingleResourceOfType("Microsoft.Insights/components")["properties"]!;

        var workspace = (string?)properties["WorkspaceResourceId"];

        Assert.Contains("Microsoft.OperationalInsights/workspaces", workspace, StringComparison.Ordinal);
    }

    // A setting has to be written as a literal, not computed, for the test to vouch for it.
    private static void AssertLiteral<T>(JsonNode node, string property, T expected)
    {
        var value = node[property] as JsonValue;
        T? actual = default;
        var isLiteral = value is not null && value.TryGetValue(out actual);

        Assert.True(isLiteral && EqualityComparer<T>.Default.Equals(actual, expected),
            $"{property} must be the literal {expected}, found {node[property]?.ToJsonString() ?? "nothing"}.");
    }
}
