using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProcessFunctions.Domain.Effects;
using ProcessFunctions.Domain.Tasks;
using ProcessFunctions.Domain.Webhooks;
using ProcessFunctions.Storage;
using ProcessFunctions.Storage.Email;
using ProcessFunctions.Storage.Tables;
using ProcessFunctions.Storage.Webhooks;

namespace ProcessFunctions.Functions.Configuration;

/// <summary>What carries out the effects of deal events: email, follow-up tasks and webhooks.</summary>
public static class SideEffectRegistration
{
    public static IServiceCollection AddSideEffects(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new StorageResource(StorageResourceKind.Table, TaskTableStore.TableName));
        services.AddSingleton(new StorageResource(StorageResourceKind.Table, WebhookTableStore.TableName));
        services.AddSingleton(new StorageResource(StorageResourceKind.Table, EffectLedgerTableStore.TableName));
        foreach (var queue in new[]
        {
            QueueNames.StepEffects, QueueNames.StepEffectsPoison,
            QueueNames.WebhookDeliveries, QueueNames.WebhookDeliveriesPoison,
        })
        {
            services.AddSingleton(new StorageResource(StorageResourceKind.Queue, queue));
        }

        var options = new EffectOptions(
            PublicUrl(configuration[AppSettings.Key(AppSettings.PublicUrl)]),
            configuration.GetValue<bool>(AppSettings.Key(AppSettings.WebhooksAllowPrivateTargets)));
        services.AddSingleton(options);
        services.AddSingleton(WebhookPolicy.Default);
        services.AddSingleton(EmailRetryPolicy.Default);
        services.AddEmail(configuration);

        services.AddSingleton<TaskTableStore>();
        services.AddSingleton<ITaskStore>(provider => provider.GetRequiredService<TaskTableStore>());
        services.AddSingleton<IWebhookStore, WebhookTableStore>();
        services.AddSingleton<EffectLedgerTableStore>();
        services.AddSingleton<IEffectLedger>(provider => provider.GetRequiredService<EffectLedgerTableStore>());
        services.AddSingleton<IEffectFailureLog>(provider => provider.GetRequiredService<EffectLedgerTableStore>());
        services.AddSingleton<IDeliveryScheduler, QueueDeliveryScheduler>();
        services.AddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<IWebhookTransport, HttpWebhookTransport>();
        services.AddHttpClient(HttpWebhookTransport.ClientName, (provider, client) =>
                client.Timeout = provider.GetRequiredService<WebhookPolicy>().Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => HttpWebhookTransport.CreateHandler(options.AllowPrivateTargets));

        services.AddSingleton<OnceMailer>();
        services.AddSingleton<StepNotifier>();
        services.AddSingleton<TaskService>();
        services.AddSingleton<WebhookService>();
        services.AddSingleton<WebhookPublisher>();
        services.AddSingleton<WebhookAlerts>();
        services.AddSingleton<WebhookDeliverer>();
        services.AddSingleton<EffectProcessor>();
        return services;
    }

    /// <summary>SendGrid with a key; .eml files in the pickup directory without one; otherwise a sender that fails visibly.</summary>
    private static void AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = new EmailSettings(
            configuration[AppSettings.Key(AppSettings.SendGridApiKey)],
            configuration[AppSettings.Key(AppSettings.SendGridFromAddress)] is { Length: > 0 } from
                ? from
                : EmailSettings.DefaultFromAddress,
            configuration[AppSettings.Key(AppSettings.SendGridFromName)] is { Length: > 0 } name
                ? name
                : EmailSettings.DefaultFromName,
            configuration[AppSettings.Key(AppSettings.SendGridTemplateId)] is { Length: > 0 } template ? template : null,
            configuration[AppSettings.Key(AppSettings.SendGridHost)] is { Length: > 0 } host ? host : null,
            configuration[AppSettings.Key(AppSettings.EmailPickupDirectory)] is { Length: > 0 } folder ? folder : null);
        services.AddSingleton(settings);
        services.AddHttpClient(SendGridEmailSender.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));

        if (settings.UsesSendGrid)
        {
            services.AddSingleton<IEmailSender, SendGridEmailSender>();
        }
        else if (settings.PickupDirectory is { } directory)
        {
            services.AddSingleton<IEmailSender>(provider => new PickupDirectoryEmailSender(
                Path.GetFullPath(directory), settings, provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<PickupDirectoryEmailSender>>()));
        }
        else
        {
            services.AddSingleton<IEmailSender, UnconfiguredEmailSender>();
        }
    }

    // Links are made relative to this, so it must end in a slash.
    private static Uri PublicUrl(string? configured) =>
        new((string.IsNullOrWhiteSpace(configured) ? "http://localhost:7071" : configured).TrimEnd('/') + "/");
}
