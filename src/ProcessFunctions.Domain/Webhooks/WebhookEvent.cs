using System.Text.Json;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Effects;
using ProcessFunctions.Domain.Tasks;

namespace ProcessFunctions.Domain.Webhooks;

/// <summary>An event as webhooks receive it: the body is <c>{ type, timestamp, data }</c>.</summary>
public sealed record WebhookEvent(string Id, string Type, DateTimeOffset Timestamp, IReadOnlyDictionary<string, object?> Data)
{
    /// <summary>The events a webhook may subscribe to.</summary>
    public static IReadOnlyList<string> Types => DealEvents.All;

    public string Body() => JsonSerializer.Serialize(new { type = Type, timestamp = Timestamp, data = Data }, ApiJson.Lenient);

    /// <summary>A deal event, with the details the deal change recorded (note, files, previous stage, reason).</summary>
    public static WebhookEvent From(EffectMessage message)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["dealId"] = message.DealId,
            ["processId"] = message.ProcessId,
            ["processVersion"] = message.ProcessVersion,
            ["stageId"] = message.StageId,
            ["stepId"] = message.StepId,
            ["memberId"] = message.ActorId,
            ["progress"] = message.Progress,
        };
        foreach (var (name, value) in message.Data)
        {
            data.TryAdd(name, value);
        }

        return new WebhookEvent(message.Id, message.Type, message.OccurredAt, data);
    }

    /// <summary>task.created; the event id is the task id, so a task is announced once.</summary>
    public static WebhookEvent From(SalesTask task) => new(task.Id, DealEvents.TaskCreated, task.CreatedAt,
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["taskId"] = task.Id,
            ["title"] = task.Title,
            ["type"] = task.Type,
            ["dueAt"] = task.DueAt,
            ["assigneeId"] = task.AssigneeId,
            ["dealId"] = task.DealId,
            ["stepId"] = task.StepId,
            ["createdBy"] = task.CreatedBy,
        });
}
