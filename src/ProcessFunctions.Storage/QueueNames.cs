namespace ProcessFunctions.Storage;

/// <summary>
/// The queues of the side effects. Functions name them in their triggers as they are in Azure;
/// every client here (and the dev host's trigger runner) adds <see cref="StorageOptions.NamePrefix"/>.
/// </summary>
public static class QueueNames
{
    /// <summary>Deal events and the effects they ask for, sent by the deal outbox.</summary>
    public const string StepEffects = "step-effects";
    public const string StepEffectsPoison = StepEffects + PoisonSuffix;

    /// <summary>One message per webhook delivery attempt, delayed for retries.</summary>
    public const string WebhookDeliveries = "webhook-deliveries";
    public const string WebhookDeliveriesPoison = WebhookDeliveries + PoisonSuffix;

    /// <summary>The suffix the Functions host gives the queue a message moves to after its last dequeue.</summary>
    public const string PoisonSuffix = "-poison";
}
