using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.Processes;

/// <summary>One change at a time to a process's stages; each makes a new version.</summary>
public sealed class StageFunctions(HttpApi api, ProcessService processes, DealService deals)
{
    [Function(nameof(AddStage))]
    public Task<IActionResult> AddStage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "processes/{processId}/stages")]
        HttpRequest request,
        string processId) =>
        api.RunAsync(request, Access.Administrator, [processId], async call =>
        {
            var stageId = Ids.New("stg");
            var edited = await EditAsync<AddStageRequest>(processes, call, processId,
                (current, body) => ProcessEditor.AddStage(current, stageId, body, Ids.New));
            return ApiResult.From(edited, view => ApiResult.Created(
                call.Location($"processes/{processId}"), ProcessResponse.From(view), view.ETag));
        });

    [Function(nameof(RenameStage))]
    public Task<IActionResult> RenameStage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "processes/{processId}/stages/{stageId}")]
        HttpRequest request,
        string processId,
        string stageId) =>
        api.RunAsync(request, Access.Administrator, [processId, stageId], async call =>
            ProcessFunctions.Respond(await EditAsync<RenameStageRequest>(processes, call, processId,
                (current, body) => ProcessEditor.RenameStage(current, stageId, body.Name))));

    /// <summary>A stage holding open deals is deleted only with <c>?moveDealsTo=</c> naming their new stage.</summary>
    [Function(nameof(DeleteStage))]
    public Task<IActionResult> DeleteStage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "processes/{processId}/stages/{stageId}")]
        HttpRequest request,
        string processId,
        string stageId) =>
        api.RunAsync(request, Access.Administrator, [processId, stageId], async call =>
        {
            // Nothing moves unless the deletion itself would be accepted now.
            var ready = (await processes.CheckEditableAsync(call.Caller, processId, call.IfMatch, call.CancellationToken))
                .Then(current => ProcessEditor.DeleteStage(current, stageId));
            var moved = await ready.ThenAsync(_ => deals.MoveOpenDealsAsync(
                call.Caller, processId, stageId, call.Query("moveDealsTo"), call.CancellationToken));
            return ProcessFunctions.Respond(await moved.ThenAsync(_ => processes.EditAsync(
                call.Caller, processId, call.IfMatch, current => ProcessEditor.DeleteStage(current, stageId),
                call.CancellationToken)));
        });

    [Function(nameof(ReorderStages))]
    public Task<IActionResult> ReorderStages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "processes/{processId}/stages/order")]
        HttpRequest request,
        string processId) =>
        api.RunAsync(request, Access.Administrator, [processId], async call =>
            ProcessFunctions.Respond(await EditAsync<StageOrderRequest>(processes, call, processId,
                (current, body) => ProcessEditor.ReorderStages(current, body.StageIds))));

    /// <summary>Reads the body, then applies the edit to the current version under the caller's If-Match.</summary>
    internal static async Task<Result<ProcessView>> EditAsync<TBody>(
        ProcessService processes,
        RequestContext call,
        string processId,
        Func<ProcessDefinition, TBody, Result<ProcessDefinition>> edit)
        where TBody : class
    {
        var body = await call.BodyAsync<TBody>();
        return await body.ThenAsync(b => processes.EditAsync(
            call.Caller, processId, call.IfMatch, current => edit(current, b), call.CancellationToken));
    }
}
