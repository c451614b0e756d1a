using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Webhooks;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.Webhooks;

/// <summary>Outbound webhooks of the caller's account and their recent deliveries. Administrators only.</summary>
public sealed class WebhookFunctions(HttpApi api, WebhookService webhooks)
{
    [Function(nameof(ListWebhooks))]
    public Task<IActionResult> ListWebhooks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks")] HttpRequest request) =>
        api.RunAsync(request, Access.Administrator, [], async call =>
        {
            var all = await webhooks.ListAsync(call.Caller, call.CancellationToken);
            return ApiResult.Ok(new ListResponse<WebhookResponse>(all.Select(WebhookResponse.From).ToList(), null));
        });

    [Function(nameof(CreateWebhook))]
    public Task<IActionResult> CreateWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks")] HttpRequest request) =>
        api.RunAsync(request, Access.Administrator, [], async call =>
        {
            var body = await call.BodyAsync<CreateWebhookRequest>();
            var created = await body.ThenAsync(b => webhooks.CreateAsync(call.Caller, b, call.CancellationToken));
            return ApiResult.From(created, w => ApiResult.Created(
                call.Location($"webhooks/{w.Id}"), new CreatedWebhookResponse(WebhookResponse.From(w), w.Secret)));
        });

    [Function(nameof(GetWebhook))]
    public Task<IActionResult> GetWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks/{webhookId}")] HttpRequest request,
        string webhookId) =>
        api.RunAsync(request, Access.Administrator, [webhookId], async call =>
        {
            var found = await webhooks.GetAsync(call.Caller, webhookId, call.CancellationToken);
            return ApiResult.From(found, w => ApiResult.Ok(WebhookResponse.From(w)));
        });

    [Function(nameof(DeleteWebhook))]
    public Task<IActionResult> DeleteWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "webhooks/{webhookId}")] HttpRequest request,
        string webhookId) =>
        api.RunAsync(request, Access.Administrator, [webhookId], async call =>
        {
            var deleted = await webhooks.DeleteAsync(call.Caller, webhookId, call.CancellationToken);
            return ApiResult.From(deleted, _ => ApiResult.NoContent());
        });

    [Function(nameof(ListWebhookDeliveries))]
    public Task<IActionResult> ListWebhookDeliveries(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks/{webhookId}/deliveries")] HttpRequest request,
        string webhookId) =>
        api.RunAsync(request, Access.Administrator, [webhookId], async call =>
        {
            var deliveries = await webhooks.ListDeliveriesAsync(call.Caller, webhookId, call.CancellationToken);
            return ApiResult.From(deliveries, d => ApiResult.Ok(
                new ListResponse<DeliveryResponse>(d.Select(DeliveryResponse.From).ToList(), null)));
        });
}
