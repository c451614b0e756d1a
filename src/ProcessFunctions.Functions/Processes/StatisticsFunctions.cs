using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Statistics;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.Processes;

/// <summary>Pipeline statistics of a process, read from aggregates; and their rebuild from the deals.</summary>
public sealed class StatisticsFunctions(HttpApi api, StatisticsService statistics)
{
    [Function(nameof(GetProcessStatistics))]
    public Task<IActionResult> GetProcessStatistics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "processes/{processId}/statistics")]
        HttpRequest request,
        string processId) =>
        api.RunAsync(request, Access.Member, [processId], async call =>
        {
            var query = StatisticsService.Parse(
                call.Query("from"), call.Query("to"), call.Query("ownerId"), call.Query("currency"));
            var figures = await query.ThenAsync(q => statistics.GetAsync(call.Caller, processId, q, call.CancellationToken));
            return ApiResult.From(figures, f => ApiResult.Ok(f));
        });

    /// <summary>Recomputes the account's aggregates from its deals; for repair after an incident.</summary>
    [Function(nameof(RebuildStatistics))]
    public Task<IActionResult> RebuildStatistics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "statistics/rebuild")] HttpRequest request) =>
        api.RunAsync(request, Access.Administrator, [], async call =>
        {
            var deals = await statistics.RebuildAsync(call.Caller.AccountId, call.CancellationToken);
            return ApiResult.Ok(new { deals });
        });
}
