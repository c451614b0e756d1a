extern alias devhost;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ProcessFunctions.Functions.Configuration;

namespace ProcessFunctions.IntegrationTests.Infrastructure;

/// <summary>
/// The dev host in memory, against the shared Azurite, with table names of its own: the name
/// prefix is unique per factory, so no test sees another test's data.
/// </summary>
public sealed class ApiFactory(string connectionString) : WebApplicationFactory<devhost::Program>
{
    /// <summary>Letters and digits, starting with a letter, as table names require.</summary>
    public string NamePrefix { get; } = "t" + Guid.NewGuid().ToString("N")[..20];

    public string ProvisioningKey { get; } = "provisioning-" + Guid.NewGuid().ToString("N");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings, not configuration callbacks: the services read them while the builder runs.
        builder.UseSetting(AppSettings.StorageConnectionName, connectionString);
        builder.UseSetting(AppSettings.Key(AppSettings.StorageNamePrefix), NamePrefix);
        builder.UseSetting(AppSettings.Key(AppSettings.ProvisioningKey), ProvisioningKey);
        builder.UseSetting("DevHost:StartAzurite", "false");
        builder.UseSetting("DevHost:SeedDemo", "false");

        // No queue polling: these tests drive HTTP only, and storage request counts stay exact.
        builder.UseSetting("DevHost:RunQueues", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
