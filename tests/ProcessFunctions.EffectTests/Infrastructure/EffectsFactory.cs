extern alias devhost;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ProcessFunctions.Domain.Effects;
using ProcessFunctions.Domain.Webhooks;
using ProcessFunctions.Functions.Configuration;

namespace ProcessFunctions.EffectTests.Infrastructure;

/// <summary>
/// The dev host in memory with its queue runner on, against the shared Azurite (names prefixed
/// per factory), the real SendGrid client pointed at <see cref="FakeSendGrid"/>, and queue
/// polling and retry waits shortened so failures play out in seconds. The dequeue count,
/// batch size and encoding stay those of host.json.
/// </summary>
public sealed class EffectsFactory(
    string connectionString, string sendGridHost, bool allowPrivateTargets = true, string? pickupDirectory = null)
    : WebApplicationFactory<devhost::Program>
{
    public const string PublicUrl = "https://app.example";

    /// <summary>Letters and digits, starting with a letter, as table names require.</summary>
    public string NamePrefix { get; } = "e" + Guid.NewGuid().ToString("N")[..20];

    public string ProvisioningKey { get; } = "provisioning-" + Guid.NewGuid().ToString("N");

    public WebhookPolicy WebhookPolicy { get; init; } = WebhookPolicy.Default with
    {
        RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200)],
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(AppSettings.StorageConnectionName, connectionString);
        builder.UseSetting(AppSettings.Key(AppSettings.StorageNamePrefix), NamePrefix);
        builder.UseSetting(AppSettings.Key(AppSettings.ProvisioningKey), ProvisioningKey);
        // With a pickup directory there is no SendGrid key: email goes to .eml files, as in local development.
        builder.UseSetting(AppSettings.Key(AppSettings.SendGridApiKey), pickupDirectory is null ? "SG.fake-test-key" : "");
        builder.UseSetting(AppSettings.Key(AppSettings.EmailPickupDirectory), pickupDirectory ?? "");
        builder.UseSetting(AppSettings.Key(AppSettings.SendGridHost), sendGridHost);
        builder.UseSetting(AppSettings.Key(AppSettings.SendGridFromAddress), "notifications@acme.example");
        builder.UseSetting(AppSettings.Key(AppSettings.PublicUrl), PublicUrl);
        builder.UseSetting(AppSettings.Key(AppSettings.WebhooksAllowPrivateTargets), allowPrivateTargets ? "true" : "false");
        builder.UseSetting("DevHost:StartAzurite", "false");
        builder.UseSetting("DevHost:SeedDemo", "false");
        builder.UseSetting("DevHost:RunQueues", "true");
        builder.UseSetting("AzureFunctionsJobHost:extensions:queues:visibilityTimeout", "00:00:00.200");
        builder.UseSetting("AzureFunctionsJobHost:extensions:queues:maxPollingInterval", "00:00:00.200");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new EmailRetryPolicy(3, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5)));
            services.AddSingleton(WebhookPolicy);
        });
    }
}
