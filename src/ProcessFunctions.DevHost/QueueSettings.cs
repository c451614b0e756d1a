using System.Globalization;
using System.Text.Json.Nodes;

namespace ProcessFunctions.DevHost;

/// <summary>
/// The queue trigger settings of host.json (<c>extensions.queues</c>), read the way the Functions
/// host reads them: the file first, then app settings named
/// <c>AzureFunctionsJobHost__extensions__queues__*</c> override single values. Missing values
/// take the Functions host's defaults.
/// </summary>
public sealed record QueueSettings(
    int BatchSize,
    int NewBatchThreshold,
    int MaxDequeueCount,
    TimeSpan VisibilityTimeout,
    TimeSpan MaxPollingInterval,
    string MessageEncoding)
{
    public const string OverrideSection = "AzureFunctionsJobHost:extensions:queues";

    public static QueueSettings Read(string hostJsonPath, IConfiguration configuration)
    {
        var queues = JsonNode.Parse(File.ReadAllText(hostJsonPath))?["extensions"]?["queues"]?.AsObject() ?? [];
        var overrides = configuration.GetSection(OverrideSection);
        string? Value(string name) => overrides[name] ?? queues[name]?.ToString();

        var batchSize = Int(Value("batchSize")) ?? 16;
        return new QueueSettings(
            batchSize,
            Int(Value("newBatchThreshold")) ?? batchSize / 2,
            Int(Value("maxDequeueCount")) ?? 5,
            Time(Value("visibilityTimeout")) ?? TimeSpan.Zero,
            Time(Value("maxPollingInterval")) ?? TimeSpan.FromMinutes(1),
            Value("messageEncoding") ?? "base64");
    }

    private static int? Int(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static TimeSpan? Time(string? value) =>
        TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var time) ? time : null;
}
