using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Effects;

namespace ProcessFunctions.Domain.Webhooks;

public sealed record CreateWebhookRequest
{
    public required string Url { get; init; }
    public required IReadOnlyList<string> Events { get; init; }
    public string? Description { get; init; }
}

/// <summary>The account's outbound webhooks, managed by administrators.</summary>
public sealed class WebhookService(IWebhookStore store, IHostResolver resolver, EffectOptions options, TimeProvider clock)
{
    public const int MaxWebhooksPerAccount = 20;
    public const int DeliveriesListed = 50;

    public Task<IReadOnlyList<Webhook>> ListAsync(Caller caller, CancellationToken cancellationToken) =>
        store.ListAsync(caller.AccountId, cancellationToken);

    public async Task<Result<Webhook>> GetAsync(Caller caller, string webhookId, CancellationToken cancellationToken) =>
        await store.FindAsync(caller.AccountId, webhookId, cancellationToken) is { } found
            ? found.Webhook
            : Problem.NotFound("webhook");

    /// <summary>Creates a webhook; the result carries the signing secret, which is never shown again.</summary>
    public async Task<Result<Webhook>> CreateAsync(
        Caller caller, CreateWebhookRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var events = request.Events ?? [];
        if (events.Count == 0)
        {
            errors.Add("events", "Name at least one event.");
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (!WebhookEvent.Types.Contains(events[i]))
            {
                errors.Add($"events[{i}]", $"Must be one of: {string.Join(", ", WebhookEvent.Types)}.");
            }
        }

        if (request.Description is { Length: > Limits.DescriptionLength })
        {
            errors.Add("description", $"Must be at most {Limits.DescriptionLength} characters.");
        }

        if (errors.Any)
        {
            return Problem.Invalid(errors);
        }

        var target = await TargetRules.CheckAsync(request.Url, options.AllowPrivateTargets, resolver, cancellationToken);
        if (!target.TryGet(out var url, out var problem))
        {
            return problem;
        }

        if ((await store.ListAsync(caller.AccountId, cancellationToken)).Count >= MaxWebhooksPerAccount)
        {
            return Problem.Conflict("too-many-webhooks", $"An account has at most {MaxWebhooksPerAccount} webhooks.");
        }

        var webhook = new Webhook
        {
            Id = Ids.New("whk"),
            Url = url.ToString(),
            Events = events.Distinct(StringComparer.Ordinal).ToList(),
            Description = request.Description?.Trim(),
            Secret = WebhookSignature.NewSecret(),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = caller.MemberId,
        };
        await store.InsertAsync(caller.AccountId, webhook, cancellationToken);
        return webhook;
    }

    public async Task<Result<bool>> DeleteAsync(Caller caller, string webhookId, CancellationToken cancellationToken) =>
        await store.DeleteAsync(caller.AccountId, webhookId, cancellationToken) ? true : Problem.NotFound("webhook");

    public async Task<Result<IReadOnlyList<WebhookDelivery>>> ListDeliveriesAsync(
        Caller caller, string webhookId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(caller.AccountId, webhookId, cancellationToken) is null)
        {
            return Problem.NotFound("webhook");
        }

        var deliveries = await store.ListDeliveriesAsync(caller.AccountId, webhookId, DeliveriesListed, cancellationToken);
        return deliveries.ToList();
    }
}
