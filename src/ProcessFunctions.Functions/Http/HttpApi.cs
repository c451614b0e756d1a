using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Storage.Tables;

namespace ProcessFunctions.Functions.Http;

/// <summary>
/// What every HTTP request goes through, called from inside each function so that the Azure
/// Functions host and the dev host run the very same code: correlation id and log scope,
/// authentication and tenant, role check, route id checks, and the mapping of any failure to
/// a problem document without internals.
/// </summary>
public sealed partial class HttpApi(
    Authenticator authenticator,
    ProvisioningGuard provisioning,
    IdempotentRequests idempotency,
    ILogger<HttpApi> logger)
{
    private static readonly Problem Unexpected = new(
        (ProblemKind)(-1), "internal", "An unexpected error occurred.",
        "The request failed on our side and changed nothing that was not already saved; quote the correlation id.");

    // Account creation has no account yet; its idempotency keys live in a partition of their own.
    private const string ProvisioningScope = "provisioning";

    public async Task<IActionResult> RunAsync(
        HttpRequest request,
        Access access,
        IReadOnlyList<string> routeIds,
        Func<RequestContext, Task<ApiResult>> endpoint)
    {
        var correlationId = CorrelationId.From(request);
        request.HttpContext.Response.Headers[CorrelationId.Header] = correlationId;
        using var requestScope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId });
        var cancellationToken = request.HttpContext.RequestAborted;
        try
        {
            var caller = await AuthorizeAsync(request, access, cancellationToken);
            if (!caller.TryGet(out var member, out var problem))
            {
                var denied = ApiResult.Problem(problem);
                return problem.Kind == ProblemKind.Unauthorized ? denied.WithHeader("WWW-Authenticate", "Bearer") : denied;
            }

            if (routeIds.Any(id => !Ids.IsValid(id)))
            {
                // Such an id can never have been issued, so it names nothing.
                return ApiResult.Problem(Problem.NotFound("resource"));
            }

            using var accountScope = member is null ? null : logger.BeginScope(new Dictionary<string, object>
            {
                ["AccountId"] = member.AccountId, ["MemberId"] = member.MemberId,
            });
            var context = new RequestContext(request, member, cancellationToken);
            return await idempotency.RunAsync(
                request, member?.AccountId ?? ProvisioningScope, () => endpoint(context), cancellationToken);
        }
        catch (InvalidCursorException)
        {
            return ApiResult.Problem(PageCursor.Invalid);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; nobody reads this response.
            return new ApiResult(StatusCodes.Status499ClientClosedRequest, null);
        }
        catch (Exception e)
        {
            LogUnexpected(logger, e, request.Method, request.Path);
            return new ApiResult(StatusCodes.Status500InternalServerError, Unexpected);
        }
    }

    private async Task<Result<Caller?>> AuthorizeAsync(
        HttpRequest request, Access access, CancellationToken cancellationToken)
    {
        switch (access)
        {
            case Access.Anonymous:
                return (Caller?)null;
            case Access.Provisioning:
                return provisioning.Allows(request) ? (Caller?)null : Authenticator.Unauthenticated;
        }

        var authenticated = await authenticator.AuthenticateAsync(BearerToken(request), cancellationToken);
        if (!authenticated.TryGet(out var caller, out var problem))
        {
            return problem;
        }

        var required = access switch
        {
            Access.Administrator => MemberRole.Administrator,
            Access.Manager => MemberRole.Manager,
            _ => MemberRole.User,
        };
        if (!caller.IsAtLeast(required))
        {
            return Problem.Forbidden(
                "role-too-low", $"This action needs the role '{required.ToString().ToLowerInvariant()}' or higher.");
        }

        return caller;
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Request {Method} {Path} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
