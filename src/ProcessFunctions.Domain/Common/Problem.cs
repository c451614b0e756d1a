namespace ProcessFunctions.Domain.Common;

/// <summary>The kinds of expected failure; the HTTP edge maps each to one status code.</summary>
public enum ProblemKind
{
    Validation,
    NotFound,
    Conflict,
    PreconditionFailed,
    PreconditionRequired,
    Forbidden,
    Unauthorized,
    PayloadTooLarge,
    UnsupportedMediaType,

    /// <summary>The body is not JSON of the expected shape.</summary>
    BadRequest,
}

/// <summary>
/// An expected failure with a stable machine-readable code, a human sentence and, for
/// validation, the bad fields. Returned as a value, never thrown.
/// </summary>
public sealed record Problem(
    ProblemKind Kind,
    string Code,
    string Title,
    string Detail,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public static Problem Invalid(FieldErrors errors) =>
        new(ProblemKind.Validation, "validation", "The request is not valid.",
            "One or more fields are invalid; see errors.", errors.ToDictionary());

    public static Problem Invalid(string field, string message) =>
        Invalid(new FieldErrors().Add(field, message));

    public static Problem NotFound(string what) =>
        new(ProblemKind.NotFound, "not-found", "Not found.", $"The {what} does not exist.");

    public static Problem Conflict(string code, string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(ProblemKind.Conflict, code, "The request conflicts with the current state.", detail, null, extensions);

    public static Problem Forbidden(string code, string detail) =>
        new(ProblemKind.Forbidden, code, "Not allowed.", detail);

    public static readonly Problem StaleVersion = new(
        ProblemKind.PreconditionFailed, "stale-version", "The resource has changed.",
        "If-Match does not match the current ETag; read the resource again and retry.");

    public static readonly Problem VersionRequired = new(
        ProblemKind.PreconditionRequired, "if-match-required", "If-Match is required.",
        "Send the ETag of the version you edited in If-Match.");
}
