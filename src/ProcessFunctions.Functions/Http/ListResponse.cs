namespace ProcessFunctions.Functions.Http;

/// <summary>Every list answers with its items and the cursor of the next page (null on the last).</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
