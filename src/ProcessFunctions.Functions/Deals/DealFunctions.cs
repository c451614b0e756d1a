using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.Deals;

/// <summary>Deals: create, read, list, edit, delete, move between stages, history.</summary>
public sealed class DealFunctions(HttpApi api, DealService deals)
{
    [Function(nameof(CreateDeal))]
    public Task<IActionResult> CreateDeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deals")] HttpRequest request) =>
        api.RunAsync(request, Access.Member, [], async call =>
        {
            var body = await call.BodyAsync<CreateDealRequest>();
            var created = await body.ThenAsync(b => deals.CreateAsync(call.Caller, b, call.CancellationToken));
            return ApiResult.From(created, deal => ApiResult.Created(call.Location($"deals/{deal.Id}"), deal));
        });

    [Function(nameof(ListDeals))]
    public Task<IActionResult> ListDeals(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "deals")] HttpRequest request) =>
        api.RunAsync(request, Access.Member, [], async call =>
        {
            var query = DealQueries.Parse(call);
            if (!query.TryGet(out var parsed, out var problem))
            {
                return ApiResult.Problem(problem);
            }

            var page = await deals.ListAsync(call.Caller, parsed, call.CancellationToken);
            return ApiResult.Ok(new ListResponse<DealView>(page.Items, page.NextCursor));
        });

    [Function(nameof(GetDeal))]
    public Task<IActionResult> GetDeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "deals/{dealId}")] HttpRequest request,
        string dealId) =>
        api.RunAsync(request, Access.Member, [dealId], async call =>
            Respond(await deals.GetAsync(call.Caller, dealId, call.CancellationToken)));

    [Function(nameof(UpdateDeal))]
    public Task<IActionResult> UpdateDeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "deals/{dealId}")] HttpRequest request,
        string dealId) =>
        api.RunAsync(request, Access.Member, [dealId], async call =>
        {
            var body = await call.BodyAsync<DealPatch>();
            return Respond(await body.ThenAsync(b => deals.PatchAsync(call.Caller, dealId, b, call.CancellationToken)));
        });

    [Function(nameof(DeleteDeal))]
    public Task<IActionResult> DeleteDeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "deals/{dealId}")] HttpRequest request,
        string dealId) =>
        api.RunAsync(request, Access.Manager, [dealId], async call =>
            ApiResult.From(await deals.DeleteAsync(call.Caller, dealId, call.CancellationToken), _ => ApiResult.NoContent()));

    [Function(nameof(MoveDeal))]
    public Task<IActionResult> MoveDeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "deals/{dealId}/stage")] HttpRequest request,
        string dealId) =>
        api.RunAsync(request, Access.Member, [dealId], async call =>
        {
            var body = await call.BodyAsync<MoveStageRequest>();
            return Respond(await body.ThenAsync(
                b => deals.MoveAsync(call.Caller, dealId, b.StageId, call.CancellationToken)));
        });

    [Function(nameof(GetDealHistory))]
    public Task<IActionResult> GetDealHistory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "deals/{dealId}/history")] HttpRequest request,
        string dealId) =>
        api.RunAsync(request, Access.Member, [dealId], async call =>
        {
            var history = await call.Page.ThenAsync(
                page => deals.HistoryAsync(call.Caller, dealId, page, call.CancellationToken));
            return ApiResult.From(history, h => ApiResult.Ok(new ListResponse<HistoryEntry>(h.Items, h.NextCursor)));
        });

    internal static ApiResult Respond(Result<DealView> result) => ApiResult.From(result, deal => ApiResult.Ok(deal));
}
