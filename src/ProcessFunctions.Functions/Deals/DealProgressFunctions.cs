using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.Deals;

/// <summary>Completing and unchecking steps, winning, losing and reopening deals.</summary>
public sealed class DealProgressFunctions(HttpApi api, DealService deals)
{
    private const string CompletionRoute = "deals/{dealId}/steps/{stepId}/completion";

    [Function(nameof(CompleteStep))]
    public Task<IActionResult> CompleteStep(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CompletionRoute)] HttpRequest request,
        string dealId,
        string stepId) =>
        api.RunAsync(request, Access.Member, [dealId, stepId], async call =>
        {
            var body = await call.BodyOrAsync(new CompletionRequest());
            var completed = await body.ThenAsync(
                b => deals.CompleteAsync(call.Caller, dealId, stepId, b, call.CancellationToken));
            return ApiResult.From(completed, c => ApiResult.Created(call.Location($"deals/{dealId}"), c));
        });

    [Function(nameof(UncompleteStep))]
    public Task<IActionResult> UncompleteStep(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = CompletionRoute)] HttpRequest request,
        string dealId,
        string stepId) =>
        api.RunAsync(request, Access.Member, [dealId, stepId], async call =>
            DealFunctions.Respond(await deals.UncompleteAsync(call.Caller, dealId, stepId, call.CancellationToken)));

    [Function(nameof(WinDeal))]
    public Task<IActionResult> WinDeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deals/{dealId}/win")] HttpRequest request,
        string dealId) =>
        api.RunAsync(request, Access.Member, [dealId], async call =>
            DealFunctions.Respond(await deals.WinAsync(call.Caller, dealId, call.CancellationToken)));

    [Function(nameof(LoseDeal))]
    public Task<IActionResult> LoseDeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deals/{dealId}/lose")] HttpRequest request,
        string dealId) =>
        api.RunAsync(request, Access.Member, [dealId], async call =>
        {
            var body = await call.BodyAsync<LoseRequest>();
            return DealFunctions.Respond(await body.ThenAsync(
                b => deals.LoseAsync(call.Caller, dealId, b, call.CancellationToken)));
        });

    [Function(nameof(ReopenDeal))]
    public Task<IActionResult> ReopenDeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deals/{dealId}/reopen")] HttpRequest request,
        string dealId) =>
        api.RunAsync(request, Access.Member, [dealId], async call =>
            DealFunctions.Respond(await deals.ReopenAsync(call.Caller, dealId, call.CancellationToken)));
}
