using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Functions.Http;

/// <summary>
/// A JSON response written straight to the HTTP response with the API's JSON conventions.
/// It needs no MVC services, so it runs the same under the Functions host and the dev host.
/// </summary>
public sealed class ApiResult(int status, object? body, string contentType = "application/json") : IActionResult
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public int Status => status;
    public object? Body => body;
    public IReadOnlyDictionary<string, string> Headers => _headers;

    public ApiResult WithHeader(string name, string? value)
    {
        if (value is not null)
        {
            _headers[name] = value;
        }

        return this;
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }

        if (body is null)
        {
            return;
        }

        var (document, type) = body is Problem problem
            ? (ProblemDocument.Create(problem, status, context.HttpContext), ProblemDocument.ContentType)
            : (body, contentType);
        response.ContentType = type;
        await JsonSerializer.SerializeAsync(response.Body, document, document.GetType(), ApiJson.Lenient,
            context.HttpContext.RequestAborted);
    }

    public static ApiResult Ok(object body, string? etag = null) => new ApiResult(200, body).WithHeader("ETag", etag);

    public static ApiResult Created(string location, object body, string? etag = null) =>
        new ApiResult(201, body).WithHeader("Location", location).WithHeader("ETag", etag);

    public static ApiResult NoContent() => new(204, null);

    public static ApiResult From<T>(Result<T> result, Func<T, ApiResult> onSuccess) =>
        result.TryGet(out var value, out var problem) ? onSuccess(value) : Problem(problem);

    public static ApiResult Problem(Problem problem) => new(StatusOf(problem.Kind), problem);

    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Validation => StatusCodes.Status422UnprocessableEntity,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ProblemKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ProblemKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ProblemKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ProblemKind.BadRequest => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}
