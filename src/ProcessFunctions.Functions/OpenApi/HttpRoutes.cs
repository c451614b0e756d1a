using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;

namespace ProcessFunctions.Functions.OpenApi;

/// <summary>An HTTP-triggered function as its attributes declare it, relative to the <c>api/</c> prefix.</summary>
public sealed record HttpRoute(
    string FunctionName, string Route, IReadOnlyList<string> Methods, AuthorizationLevel Level)
{
    /// <summary>The route's parameter names in order: <c>{dealId}</c>, <c>{*asset}</c>, <c>{id:int}</c>.</summary>
    public IReadOnlyList<string> Parameters => HttpRoutes.ParameterNames(Route);

    /// <summary>The route as an OpenAPI path: constraints and catch-all marks dropped.</summary>
    public string Path => "/" + HttpRoutes.PathTemplate(Route);

    /// <summary>The function method itself, for a host that invokes it; set by <see cref="HttpRoutes.Discover"/>.</summary>
    public MethodInfo? Method { get; init; }
}

/// <summary>
/// Finds the HTTP routes of the Functions app from its <c>[Function]</c> and <c>[HttpTrigger]</c>
/// attributes, the same source the Functions host and the dev host map requests from.
/// </summary>
public static partial class HttpRoutes
{
    public static IReadOnlyList<HttpRoute> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Select(method => (method, function: method.GetCustomAttribute<FunctionAttribute>(), trigger: Trigger(method)))
            .Where(m => m.function is not null && m.trigger is not null)
            .Select(m => new HttpRoute(
                m.function!.Name,
                m.trigger!.Route ?? m.function.Name,
                (m.trigger.Methods ?? ["get", "post"]).Select(v => v.ToUpperInvariant()).ToList(),
                m.trigger.AuthLevel) { Method = m.method })
            .OrderBy(r => r.Route, StringComparer.Ordinal)
            .ThenBy(r => r.FunctionName, StringComparer.Ordinal)
            .ToList();

    internal static IReadOnlyList<string> ParameterNames(string route) =>
        RouteParameter().Matches(route).Select(m => m.Groups["name"].Value).ToList();

    internal static string PathTemplate(string route) =>
        RouteParameter().Replace(route, m => "{" + m.Groups["name"].Value + "}");

    private static HttpTriggerAttribute? Trigger(MethodInfo method) =>
        method.GetParameters()
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .FirstOrDefault(t => t is not null);

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z_][A-Za-z0-9_]*)[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteParameter();
}
