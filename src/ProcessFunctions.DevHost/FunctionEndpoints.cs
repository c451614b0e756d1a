using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;

namespace ProcessFunctions.DevHost;

/// <summary>An HTTP-triggered function as its attributes declare it.</summary>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, MethodInfo Method);

/// <summary>
/// Serves the Functions app's HTTP-triggered functions from a plain ASP.NET Core host. Routes
/// and methods come from their <c>[Function]</c> and <c>[HttpTrigger]</c> attributes, so there
/// is no second route table to drift from the one the Functions host uses.
/// </summary>
public static class FunctionEndpoints
{
    private const string RoutePrefix = "api/";

    public static IReadOnlyList<HttpFunction> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Select(method => (method, function: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(m => m.function is not null)
            .Select(m => (m.method, m.function, trigger: m.method.GetParameters()
                .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)))
            .Where(m => m.trigger is not null)
            .Select(m => new HttpFunction(
                m.function!.Name,
                m.trigger!.Route ?? m.function.Name,
                (m.trigger.Methods ?? ["get", "post"]).Select(v => v.ToUpperInvariant()).ToList(),
                m.method))
            .OrderBy(f => f.Route, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<HttpFunction> MapFunctions(this IEndpointRouteBuilder endpoints, Assembly assembly)
    {
        var functions = Discover(assembly);
        foreach (var function in functions)
        {
            var binders = function.Method.GetParameters().Select(Binder).ToArray();
            endpoints.MapMethods(RoutePrefix + function.Route, function.Methods, context => InvokeAsync(function, binders, context))
                .WithName(function.Name);
        }

        return functions;
    }

    private static async Task InvokeAsync(HttpFunction function, Func<HttpContext, object?>[] binders, HttpContext context)
    {
        // The worker creates function classes per invocation through DI; so does this host.
        var instance = ActivatorUtilities.CreateInstance(context.RequestServices, function.Method.DeclaringType!);
        var arguments = binders.Select(bind => bind(context)).ToArray();
        var result = await (Task<IActionResult>)function.Method.Invoke(instance, arguments)!;
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    private static Func<HttpContext, object?> Binder(ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context => context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }

        if (parameter.ParameterType == typeof(string) || parameter.ParameterType.IsPrimitive)
        {
            var name = parameter.Name!;
            var type = parameter.ParameterType;
            return context => context.Request.RouteValues.TryGetValue(name, out var value) && value is not null
                ? Convert.ChangeType(value, type, CultureInfo.InvariantCulture)
                : null;
        }

        throw new NotSupportedException(
            $"The dev host cannot bind parameter '{parameter.Name}' of {parameter.Member.DeclaringType?.Name}." +
            $"{parameter.Member.Name}; functions take the request, route values and a cancellation token.");
    }
}
