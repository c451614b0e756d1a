namespace ProcessFunctions.Functions.Http;

/// <summary>
/// Every list answers with its items and the cursor of the next page (null on the last). It is
/// given the store's cursor and shows clients the sealed one that <see cref="RequestContext.Page"/> opens.
/// </summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    public string? NextCursor { get; init; } = PageCursor.Seal(NextCursor);
}
