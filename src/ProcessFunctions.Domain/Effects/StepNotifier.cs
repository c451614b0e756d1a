using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Effects;

/// <summary>Emails the members a completed step's <c>notify</c> setting names, each once.</summary>
public sealed class StepNotifier(OnceMailer mailer, IProcessStore processes, EffectOptions options)
{
    public async Task NotifyAsync(
        EffectMessage message, Deal? deal, IReadOnlyList<Member> members, CancellationToken cancellationToken)
    {
        var recipients = Recipients.Resolve(message.Notify ?? NotifySettings.Nobody, members, deal, message.ActorId);
        if (recipients.Count == 0)
        {
            return;
        }

        var facts = await FactsAsync(message, deal, members, cancellationToken);
        var origin = new EmailOrigin(message.AccountId, message.Id, message.Type, message.DealId, message.StepId);
        EffectInFlightException? inFlight = null;
        foreach (var recipient in recipients)
        {
            try
            {
                await mailer.SendAsync(origin, recipient, StepNotification.Compose(facts, recipient), cancellationToken);
            }
            catch (EffectInFlightException e)
            {
                // Others are still sent; the message is retried for this one.
                inFlight = e;
            }
        }

        if (inFlight is not null)
        {
            throw inFlight;
        }
    }

    private async Task<StepCompletedFacts> FactsAsync(
        EffectMessage message, Deal? deal, IReadOnlyList<Member> members, CancellationToken cancellationToken)
    {
        var process = await processes.FindVersionAsync(
            message.AccountId, message.ProcessId, message.ProcessVersion, cancellationToken);
        var found = message.StepId is null ? null : process?.FindStep(message.StepId);
        var actor = members.FirstOrDefault(member => member.Id == message.ActorId);
        return new StepCompletedFacts(
            message.DealId,
            deal?.Title ?? "a deal",
            found?.Stage.Name ?? Data(message, "stageName") ?? message.StageId ?? "",
            found?.Step.Name ?? Data(message, "stepName") ?? message.StepId ?? "",
            actor?.DisplayName ?? "A former member",
            message.OccurredAt,
            Data(message, "note") ?? deal?.CompletionOf(message.StepId ?? "")?.Note,
            message.Progress,
            options.DealUrl(message.DealId));
    }

    private static string? Data(EffectMessage message, string name) =>
        message.Data.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
