using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Functions.Http;
using ProcessFunctions.Storage;

namespace ProcessFunctions.Functions;

/// <summary>Anonymous liveness: answers 200 when table storage answers, 503 when it does not.</summary>
public sealed class HealthFunction(HttpApi api, StorageClients storage)
{
    [Function(nameof(Health))]
    public Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        api.RunAsync(request, Access.Anonymous, [], async call =>
        {
            try
            {
                await storage.Tables.GetPropertiesAsync(call.CancellationToken);
                return ApiResult.Ok(new { status = "healthy", storage = "reachable" });
            }
            catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or TimeoutException)
            {
                return new ApiResult(StatusCodes.Status503ServiceUnavailable,
                    new { status = "unhealthy", storage = "unreachable" });
            }
        });
}
