using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Functions.Http;

/// <summary>
/// Seals the stores' page cursors with a checksum, so that a cursor this API did not issue
/// (made up, truncated, altered) is refused with 400: storage ignores many malformed
/// continuation tokens and would quietly restart or end the list instead. A checksum, not a
/// signature: every query is confined to the caller's partition whatever token it resumes from.
/// </summary>
public static class PageCursor
{
    private const char Separator = '.';

    public static readonly Problem Invalid =
        Problem.Invalid("cursor", "Is not a cursor returned by this API.") with { Kind = ProblemKind.BadRequest };

    public static string? Seal(string? storeCursor) =>
        storeCursor is null ? null : $"{storeCursor}{Separator}{Tag(storeCursor)}";

    public static bool TryOpen(string cursor, out string storeCursor)
    {
        var at = cursor.LastIndexOf(Separator);
        storeCursor = at > 0 ? cursor[..at] : "";
        return at > 0 && string.Equals(cursor[(at + 1)..], Tag(storeCursor), StringComparison.Ordinal);
    }

    private static string Tag(string storeCursor) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes("page-cursor:" + storeCursor)).AsSpan(0, 12));
}
