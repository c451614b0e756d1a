using Microsoft.AspNetCore.Http;

namespace ProcessFunctions.Functions.Http;

/// <summary>
/// The id that ties a request to its logs: taken from the caller's X-Correlation-Id when it is
/// safe to echo, otherwise new, and always returned in the response.
/// </summary>
public static class CorrelationId
{
    public const string Header = "X-Correlation-Id";

    public static string From(HttpRequest request)
    {
        var offered = request.Headers[Header].ToString();
        return IsSafe(offered) ? offered : Guid.NewGuid().ToString("N");
    }

    private static bool IsSafe(string value) =>
        value.Length is > 0 and <= 64
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
