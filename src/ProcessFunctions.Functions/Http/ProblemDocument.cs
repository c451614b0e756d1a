using Microsoft.AspNetCore.Http;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Functions.Http;

/// <summary>Renders a <see cref="Problem"/> as an RFC 9457 problem document.</summary>
public static class ProblemDocument
{
    public const string ContentType = "application/problem+json";

    /// <summary>Problem types are stable URIs; docs/api.md describes each one.</summary>
    public const string TypeBase = "https://processfunctions.dev/problems/";

    public static Dictionary<string, object?> Create(Problem problem, int status, HttpContext context)
    {
        var document = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["type"] = TypeBase + problem.Code,
            ["title"] = problem.Title,
            ["status"] = status,
            ["detail"] = problem.Detail,
            ["instance"] = context.Request.Path.Value,
        };
        if (problem.Errors is { Count: > 0 } errors)
        {
            document["errors"] = errors;
        }

        foreach (var (name, value) in problem.Extensions ?? new Dictionary<string, object?>())
        {
            document[name] = value;
        }

        if (context.Response.Headers.TryGetValue(CorrelationId.Header, out var correlationId))
        {
            document["correlationId"] = correlationId.ToString();
        }

        return document;
    }
}
