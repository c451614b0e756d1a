using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.Processes;

/// <summary>Whole process definitions and their versions. Members read; administrators change.</summary>
public sealed class ProcessFunctions(HttpApi api, ProcessService processes)
{
    [Function(nameof(ListProcesses))]
    public Task<IActionResult> ListProcesses(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "processes")] HttpRequest request) =>
        api.RunAsync(request, Access.Member, [], call => call.ListAsync(
            (page, ct) => processes.ListAsync(call.Caller, page, ct), ProcessSummaryResponse.From));

    [Function(nameof(CreateProcess))]
    public Task<IActionResult> CreateProcess(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "processes")] HttpRequest request) =>
        api.RunAsync(request, Access.Administrator, [], async call =>
        {
            var body = await call.BodyAsync<ProcessDraft>();
            var created = await body.ThenAsync(b => processes.CreateAsync(call.Caller, b, call.CancellationToken));
            return ApiResult.From(created, view => ApiResult.Created(
                call.Location($"processes/{view.Definition.Id}"), ProcessResponse.From(view), view.ETag));
        });

    [Function(nameof(GetProcess))]
    public Task<IActionResult> GetProcess(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "processes/{processId}")] HttpRequest request,
        string processId) =>
        api.RunAsync(request, Access.Member, [processId], async call =>
            Respond(await processes.GetAsync(call.Caller, processId, call.CancellationToken)));

    [Function(nameof(ReplaceProcess))]
    public Task<IActionResult> ReplaceProcess(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "processes/{processId}")] HttpRequest request,
        string processId) =>
        api.RunAsync(request, Access.Administrator, [processId], async call =>
        {
            var body = await call.BodyAsync<ProcessDraft>();
            return Respond(await body.ThenAsync(
                b => processes.ReplaceAsync(call.Caller, processId, call.IfMatch, b, call.CancellationToken)));
        });

    [Function(nameof(ArchiveProcess))]
    public Task<IActionResult> ArchiveProcess(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "processes/{processId}")] HttpRequest request,
        string processId) =>
        api.RunAsync(request, Access.Administrator, [processId], async call =>
            Respond(await processes.ArchiveAsync(call.Caller, processId, call.IfMatch, call.CancellationToken)));

    [Function(nameof(ListProcessVersions))]
    public Task<IActionResult> ListProcessVersions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "processes/{processId}/versions")]
        HttpRequest request,
        string processId) =>
        api.RunAsync(request, Access.Member, [processId], async call =>
        {
            var versions = await call.Page.ThenAsync(
                page => processes.ListVersionsAsync(call.Caller, processId, page, call.CancellationToken));
            return ApiResult.From(versions, v => ApiResult.Ok(new ListResponse<ProcessVersionInfo>(v.Items, v.NextCursor)));
        });

    [Function(nameof(GetProcessVersion))]
    public Task<IActionResult> GetProcessVersion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "processes/{processId}/versions/{version}")]
        HttpRequest request,
        string processId,
        string version) =>
        api.RunAsync(request, Access.Member, [processId], async call =>
        {
            if (!int.TryParse(version, out var number) || number < 1)
            {
                return ApiResult.Problem(Problem.NotFound("process version"));
            }

            var found = await processes.GetVersionAsync(call.Caller, processId, number, call.CancellationToken);
            return ApiResult.From(found, d => ApiResult.Ok(d, ProcessETag.Format(d.Version)));
        });

    /// <summary>Every edit answers with the whole new version and its ETag.</summary>
    internal static ApiResult Respond(Result<ProcessView> result) =>
        ApiResult.From(result, view => ApiResult.Ok(ProcessResponse.From(view), view.ETag));
}
