using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Functions.Http;

/// <summary>
/// Reads a request body as JSON within the size limit, turning every way it can be wrong into
/// a problem that names the field: not JSON, too large, wrong types, unknown or missing members.
/// </summary>
public static partial class JsonBody
{
    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!IsJson(request.ContentType))
        {
            return new Problem(ProblemKind.UnsupportedMediaType, "unsupported-media-type",
                "The body must be JSON.", "Send the body with 'Content-Type: application/json'.");
        }

        var read = await RawBody.ReadAsync(request, Limits.RequestBodyBytes, cancellationToken);
        if (read is null)
        {
            return TooLarge;
        }

        if (read.Length == 0)
        {
            return BadBody("$", "A JSON body is required.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(read, ApiJson.Strict) is { } value
                ? value
                : BadBody("$", "Must be a JSON object.");
        }
        catch (JsonException e)
        {
            return Describe(e);
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static Problem Describe(JsonException e)
    {
        var message = e.Message;
        var path = FieldPath(e.Path);
        if (e.InnerException is JsonException { Path: { } innerPath })
        {
            // A PATCH field (Optional<T>) reads its value with a nested call that has its own path.
            path = Join(path, FieldPath(innerPath));
        }

        var missing = MissingProperties().Match(message);
        if (missing.Success)
        {
            var errors = new FieldErrors();
            foreach (Match name in QuotedName().Matches(missing.Groups[1].Value))
            {
                errors.Add(Join(path, name.Groups[1].Value), "Is required.");
            }

            return Invalid(errors);
        }

        var detail = message switch
        {
            _ when message.Contains("could not be mapped", StringComparison.Ordinal) => "Is not a known field.",
            _ when message.Contains("null values", StringComparison.Ordinal) => "Must not be null.",
            _ when message.Contains("could not be converted", StringComparison.Ordinal) =>
                "Has the wrong type or an unknown value.",
            _ => "Is not valid JSON.",
        };
        return Invalid(new FieldErrors().Add(path, detail));
    }

    private static Problem Invalid(FieldErrors errors) => new(
        ProblemKind.BadRequest, "invalid-body", "The body could not be read.",
        "The JSON does not have the expected shape; see errors.", errors.ToDictionary());

    private static Problem BadBody(string field, string message) => Invalid(new FieldErrors().Add(field, message));

    private static readonly Problem TooLarge = new(
        ProblemKind.PayloadTooLarge, "body-too-large", "The body is too large.",
        $"Request bodies are limited to {Limits.RequestBodyBytes / 1024} KiB.");

    /// <summary>"$.stages[0].name" becomes "stages[0].name"; the root stays "$".</summary>
    private static string FieldPath(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "$" : jsonPath.TrimStart('$').TrimStart('.');

    private static string Join(string path, string name) => (path, name) switch
    {
        (_, "$") => path,
        ("$", _) => name,
        (_, ['[', ..]) => path + name,
        _ => $"{path}.{name}",
    };

    [GeneratedRegex("missing required properties including: (.*)", RegexOptions.CultureInvariant)]
    private static partial Regex MissingProperties();

    [GeneratedRegex("'([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();
}
