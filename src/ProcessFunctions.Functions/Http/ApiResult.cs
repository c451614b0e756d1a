using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Functions.Http;

/// <summary>JSON text written as it is.</summary>
public sealed record RawJson(string Json);

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

        if (body is Stream content)
        {
            response.ContentType = contentType;
            await using (content)
            {
                await content.CopyToAsync(response.Body, context.HttpContext.RequestAborted);
            }

            return;
        }

        var (type, document) = Document(context.HttpContext);
        response.ContentType = type;
        if (document is RawJson raw)
        {
            await response.WriteAsync(raw.Json, context.HttpContext.RequestAborted);
            return;
        }

        await JsonSerializer.SerializeAsync(response.Body, document, document.GetType(), ApiJson.Lenient,
            context.HttpContext.RequestAborted);
    }

    /// <summary>The body as written: problems become RFC 9457 documents for this request.</summary>
    public (string ContentType, object Document) Document(HttpContext context) => body is Problem problem
        ? (ProblemDocument.ContentType, ProblemDocument.Create(problem, status, context))
        : (contentType, body!);

    /// <summary>The body as JSON text, for storing the response of an idempotent request.</summary>
    public string? Serialize(HttpContext context)
    {
        if (body is null)
        {
            return null;
        }

        var (_, document) = Document(context);
        return document is RawJson raw ? raw.Json : JsonSerializer.Serialize(document, document.GetType(), ApiJson.Lenient);
    }

    /// <summary>Answers again with a stored response.</summary>
    public static ApiResult Replay(StoredResponse stored)
    {
        var result = new ApiResult(stored.Status, stored.Body is null ? null : new RawJson(stored.Body), stored.ContentType);
        foreach (var (name, value) in stored.Headers)
        {
            result.WithHeader(name, value);
        }

        return result;
    }

    public static ApiResult Ok(object body, string? etag = null) => new ApiResult(200, body).WithHeader("ETag", etag);

    public static ApiResult Created(string location, object body, string? etag = null) =>
        new ApiResult(201, body).WithHeader("Location", location).WithHeader("ETag", etag);

    public static ApiResult NoContent() => new(204, null);

    /// <summary>A download: the stream is copied to the response and disposed.</summary>
    public static ApiResult File(Stream content, string contentType) => new(200, content, contentType);

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
