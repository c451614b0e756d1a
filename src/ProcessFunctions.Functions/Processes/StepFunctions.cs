using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.Functions.Http;
using static ProcessFunctions.Functions.Processes.StageFunctions;

namespace ProcessFunctions.Functions.Processes;

/// <summary>One change at a time to the steps of a stage; each makes a new version.</summary>
public sealed class StepFunctions(HttpApi api, ProcessService processes)
{
    private const string StepsRoute = "processes/{processId}/stages/{stageId}/steps";

    [Function(nameof(AddStep))]
    public Task<IActionResult> AddStep(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = StepsRoute)] HttpRequest request,
        string processId,
        string stageId) =>
        api.RunAsync(request, Access.Administrator, [processId, stageId], async call =>
        {
            var stepId = Ids.New("stp");
            var edited = await EditAsync<AddStepRequest>(processes, call, processId,
                (current, body) => ProcessEditor.AddStep(current, stageId, stepId, body));
            return ApiResult.From(edited, view => ApiResult.Created(
                call.Location($"processes/{processId}"), ProcessResponse.From(view), view.ETag));
        });

    [Function(nameof(UpdateStep))]
    public Task<IActionResult> UpdateStep(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = StepsRoute + "/{stepId}")] HttpRequest request,
        string processId,
        string stageId,
        string stepId) =>
        api.RunAsync(request, Access.Administrator, [processId, stageId, stepId], async call =>
            ProcessFunctions.Respond(await EditAsync<StepPatch>(processes, call, processId,
                (current, body) => ProcessEditor.PatchStep(current, stageId, stepId, body))));

    [Function(nameof(DeleteStep))]
    public Task<IActionResult> DeleteStep(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = StepsRoute + "/{stepId}")] HttpRequest request,
        string processId,
        string stageId,
        string stepId) =>
        api.RunAsync(request, Access.Administrator, [processId, stageId, stepId], async call =>
            ProcessFunctions.Respond(await processes.EditAsync(call.Caller, processId, call.IfMatch,
                current => ProcessEditor.DeleteStep(current, stageId, stepId), call.CancellationToken)));

    [Function(nameof(ReorderSteps))]
    public Task<IActionResult> ReorderSteps(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = StepsRoute + "/order")] HttpRequest request,
        string processId,
        string stageId) =>
        api.RunAsync(request, Access.Administrator, [processId, stageId], async call =>
            ProcessFunctions.Respond(await EditAsync<StepOrderRequest>(processes, call, processId,
                (current, body) => ProcessEditor.ReorderSteps(current, stageId, body.StepIds))));
}
