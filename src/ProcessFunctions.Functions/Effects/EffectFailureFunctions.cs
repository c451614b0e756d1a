using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Effects;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.Effects;

/// <summary>
/// What the side effects could not do, newest first: emails refused for a recipient, and
/// messages or webhook jobs that failed past their maximum dequeue count. Administrators only.
/// </summary>
public sealed class EffectFailureFunctions(HttpApi api, IEffectFailureLog failures)
{
    [Function(nameof(ListEffectFailures))]
    public Task<IActionResult> ListEffectFailures(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "effects/failures")] HttpRequest request) =>
        api.RunAsync(request, Access.Administrator, [], call => call.ListAsync(
            (page, ct) => failures.ListAsync(call.Caller.AccountId, page, ct), failure => failure));
}
