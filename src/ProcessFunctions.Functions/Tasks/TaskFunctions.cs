using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Tasks;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.Tasks;

/// <summary>
/// Tasks of the caller's account: follow-ups created by completed steps and tasks made by hand.
/// PATCH completes (status "done"), reassigns (assigneeId) or reschedules (dueAt) a task.
/// </summary>
public sealed class TaskFunctions(HttpApi api, TaskService tasks)
{
    [Function(nameof(ListTasks))]
    public Task<IActionResult> ListTasks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tasks")] HttpRequest request) =>
        api.RunAsync(request, Access.Member, [], async call =>
        {
            var query = new TaskQuery(call.Query("assigneeId"), call.Query("dealId"), call.Query("status"), call.Query("dueBefore"));
            var page = await call.Page.ThenAsync(p => tasks.ListAsync(call.Caller, query, p, call.CancellationToken));
            return ApiResult.From(page, p => ApiResult.Ok(new ListResponse<SalesTask>(p.Items, p.NextCursor)));
        });

    [Function(nameof(CreateTask))]
    public Task<IActionResult> CreateTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tasks")] HttpRequest request) =>
        api.RunAsync(request, Access.Member, [], async call =>
        {
            var body = await call.BodyAsync<CreateTaskRequest>();
            var created = await body.ThenAsync(b => tasks.CreateAsync(call.Caller, b, call.CancellationToken));
            return ApiResult.From(created, t => ApiResult.Created(call.Location($"tasks/{t.Task.Id}"), t.Task, t.StorageTag));
        });

    [Function(nameof(GetTask))]
    public Task<IActionResult> GetTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tasks/{taskId}")] HttpRequest request,
        string taskId) =>
        api.RunAsync(request, Access.Member, [taskId], async call =>
        {
            var found = await tasks.GetAsync(call.Caller, taskId, call.CancellationToken);
            return ApiResult.From(found, t => ApiResult.Ok(t.Task, t.StorageTag));
        });

    [Function(nameof(UpdateTask))]
    public Task<IActionResult> UpdateTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "tasks/{taskId}")] HttpRequest request,
        string taskId) =>
        api.RunAsync(request, Access.Member, [taskId], async call =>
        {
            var body = await call.BodyAsync<TaskPatch>();
            var updated = await body.ThenAsync(b => tasks.PatchAsync(call.Caller, taskId, call.IfMatch, b, call.CancellationToken));
            return ApiResult.From(updated, t => ApiResult.Ok(t.Task, t.StorageTag));
        });

    [Function(nameof(DeleteTask))]
    public Task<IActionResult> DeleteTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "tasks/{taskId}")] HttpRequest request,
        string taskId) =>
        api.RunAsync(request, Access.Member, [taskId], async call =>
        {
            var deleted = await tasks.DeleteAsync(call.Caller, taskId, call.CancellationToken);
            return ApiResult.From(deleted, _ => ApiResult.NoContent());
        });
}
