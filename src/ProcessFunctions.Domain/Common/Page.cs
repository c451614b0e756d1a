namespace ProcessFunctions.Domain.Common;

/// <summary>One page of a list and the opaque cursor of the next, if any.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>A validated page request.</summary>
public readonly record struct PageRequest(int Limit, string? Cursor)
{
    public static Result<PageRequest> Parse(string? limit, string? cursor)
    {
        var size = Limits.DefaultPageSize;
        if (limit is not null && (!int.TryParse(limit, out size) || size < 1 || size > Limits.MaxPageSize))
        {
            return Problem.Invalid("limit", $"Must be a whole number between 1 and {Limits.MaxPageSize}.");
        }

        if (cursor is not null && (cursor.Length == 0 || cursor.Length > 2048))
        {
            return Problem.Invalid("cursor", "Is not a cursor returned by this API.");
        }

        return new PageRequest(size, cursor);
    }
}
