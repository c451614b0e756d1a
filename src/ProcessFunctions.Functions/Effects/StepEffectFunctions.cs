using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Effects;
using ProcessFunctions.Functions.Configuration;
using ProcessFunctions.Storage;

namespace ProcessFunctions.Functions.Effects;

/// <summary>
/// Carries out deal events from the <c>step-effects</c> queue. A failed message is retried by
/// the queue (host.json: visibility timeout, maximum dequeue count) and then moved to
/// <c>step-effects-poison</c>, where it is recorded for administrators.
/// </summary>
public sealed class StepEffectFunctions(EffectProcessor processor)
{
    [Function(nameof(ProcessStepEffects))]
    public Task ProcessStepEffects(
        [QueueTrigger(QueueNames.StepEffects, Connection = AppSettings.StorageConnectionName)] string message,
        CancellationToken cancellationToken) =>
        processor.ProcessAsync(message, cancellationToken);

    [Function(nameof(RecordPoisonedStepEffects))]
    public Task RecordPoisonedStepEffects(
        [QueueTrigger(QueueNames.StepEffectsPoison, Connection = AppSettings.StorageConnectionName)] string message,
        CancellationToken cancellationToken) =>
        processor.RecordPoisonedAsync(message, FailureKind.MessagePoisoned, cancellationToken);
}
