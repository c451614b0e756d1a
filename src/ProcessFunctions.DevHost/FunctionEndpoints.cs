using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using ProcessFunctions.Functions.OpenApi;

namespace ProcessFunctions.DevHost;

/// <summary>
/// Serves the Functions app's HTTP-triggered functions from a plain ASP.NET Core host. Routes
/// and methods come from their <c>[Function]</c> and <c>[HttpTrigger]</c> attributes (the same
/// discovery the OpenAPI document uses), so there is no second route table to drift from the
/// one the Functions host uses.
/// </summary>
public static class FunctionEndpoints
{
    private const string RoutePrefix = "api/";

    public static IReadOnlyList<HttpRoute> MapFunctions(this IEndpointRouteBuilder endpoints, Assembly assembly)
    {
        var functions = HttpRoutes.Discover(assembly);
        foreach (var function in functions)
        {
            var method = function.Method ?? throw new InvalidOperationException($"{function.FunctionName} has no method.");
            var binders = method.GetParameters().Select(Binder).ToArray();
            endpoints.MapMethods(RoutePrefix + function.Route, function.Methods, context => InvokeAsync(method, binders, context))
                .WithName(function.FunctionName);
        }

        return functions;
    }

    private static async Task InvokeAsync(MethodInfo method, Func<HttpContext, object?>[] binders, HttpContext context)
    {
        // The worker creates function classes per invocation through DI; so does this host.
        var instance = ActivatorUtilities.CreateInstance(context.RequestServices, method.DeclaringType!);
        var arguments = binders.Select(bind => bind(context)).ToArray();
        var result = await (Task<IActionResult>)method.Invoke(instance, arguments)!;
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
