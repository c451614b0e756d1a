namespace ProcessFunctions.Functions.Configuration;

/// <summary>
/// Every application setting the code reads, by its environment-variable name (double
/// underscore is the configuration section separator). Deployment templates must set each
/// required one; a test compares this list with infra/main.bicep.
/// </summary>
public static class AppSettings
{
    /// <summary>Connection used by the app and the queue trigger: a connection string locally,
    /// or identity-based service URIs in Azure.</summary>
    public const string StorageConnectionName = "ProcessStorage";

    [Optional("Local connection string; Azure uses the service URIs below.")]
    public const string StorageConnectionString = "ProcessStorage";
    public const string StorageTableServiceUri = "ProcessStorage__tableServiceUri";
    public const string StorageQueueServiceUri = "ProcessStorage__queueServiceUri";
    public const string StorageBlobServiceUri = "ProcessStorage__blobServiceUri";
    public const string StorageCredential = "ProcessStorage__credential";
    public const string StorageClientId = "ProcessStorage__clientId";

    [Optional("Prefix for table, queue and container names; tests isolate themselves with it.")]
    public const string StorageNamePrefix = "Storage__NamePrefix";

    public const string SendGridApiKey = "SendGrid__ApiKey";
    public const string SendGridFromAddress = "SendGrid__FromAddress";

    [Optional("Display name of the sender; defaults to ProcessFunctions.")]
    public const string SendGridFromName = "SendGrid__FromName";

    [Optional("A SendGrid dynamic template id; plain HTML and text bodies when absent.")]
    public const string SendGridTemplateId = "SendGrid__TemplateId";

    [Optional("Overrides the SendGrid API host; tests point it at a local endpoint.")]
    public const string SendGridHost = "SendGrid__Host";

    [Optional("Folder for .eml files when no SendGrid key is set (local development).")]
    public const string EmailPickupDirectory = "Email__PickupDirectory";

    public const string PublicUrl = "App__PublicUrl";

    public const string WebhooksAllowPrivateTargets = "Webhooks__AllowPrivateTargets";

    [Optional("Provisioning key for POST /api/accounts outside Azure; in Azure the master key guards it.")]
    public const string ProvisioningKey = "Provisioning__Key";

    [Optional("Seconds an API key stays cached; bounds how long a revoked key keeps working. Default 60.")]
    public const string ApiKeyCacheSeconds = "Auth__KeyCacheSeconds";

    [Optional("Set by the platform when Application Insights is attached.")]
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The configuration key (colon-separated) for an environment-variable name.</summary>
    public static string Key(string settingName) => settingName.Replace("__", ":", StringComparison.Ordinal);
}

/// <summary>Marks a setting that a deployment may leave unset, with the reason.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class OptionalAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
