using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.OpenApi;

/// <summary>Whether an operation reads <c>If-Match</c>.</summary>
public enum IfMatchUse
{
    None,

    /// <summary>Checked when sent (412 when stale); without it the change applies to the current version.</summary>
    Optional,

    /// <summary>Must be sent (428 without it, 412 when stale).</summary>
    Required,
}

/// <summary>A query parameter an operation reads besides <c>limit</c> and <c>cursor</c>.</summary>
public sealed record QueryParameter(string Name, string Description)
{
    /// <summary>The values it accepts, when it is one of a few words.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>A JSON Schema string format such as <c>date-time</c>.</summary>
    public string? Format { get; init; }

    /// <summary>A regular expression the value must match.</summary>
    public string? Pattern { get; init; }
}

/// <summary>
/// What the OpenAPI document says about one function beyond what its attributes declare (route,
/// methods): who may call it, what it reads and what it answers. Problem responses common to
/// its shape (401, 404 for route ids, 400/413/415/422 for bodies...) are added from these facts.
/// </summary>
public sealed record ApiOperation(string Tag, string Summary, Access Access)
{
    public string? Description { get; init; }

    /// <summary>The JSON request body, if any.</summary>
    public Type? Body { get; init; }

    /// <summary>The body may be left out entirely (it then means an empty object).</summary>
    public bool BodyOptional { get; init; }

    /// <summary>The body is a file of any type, sent as it is.</summary>
    public bool FileBody { get; init; }

    /// <summary>The status of success.</summary>
    public int Status { get; init; } = 200;

    /// <summary>The type of the success body; none for 204.</summary>
    public Type? Response { get; init; }

    /// <summary>The media type of the success body.</summary>
    public string ResponseMediaType { get; init; } = "application/json";

    /// <summary>Other statuses that answer with a body of the <see cref="Response"/> type.</summary>
    public IReadOnlyList<(int Status, string Description)> Alternatives { get; init; } = [];

    /// <summary>The success response carries an ETag, for <c>If-Match</c> on the next write.</summary>
    public bool ETag { get; init; }

    public IfMatchUse IfMatch { get; init; }

    /// <summary>A list with <c>limit</c> and <c>cursor</c>.</summary>
    public bool Paged { get; init; }

    public IReadOnlyList<QueryParameter> Query { get; init; } = [];

    /// <summary>Statuses particular to this operation's rules, such as 409 for a state conflict.</summary>
    public IReadOnlyList<int> Problems { get; init; } = [];
}
