using System.Security.Cryptography;

namespace ProcessFunctions.Domain.Common;

/// <summary>
/// Identifiers: a short type prefix and random base32 characters. They are safe as Table
/// Storage keys and URL segments because they never contain '/', '\', '#', '?' or control
/// characters; client-supplied ids are held to the same alphabet.
/// </summary>
public static class Ids
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New(string prefix)
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }

        return $"{prefix}_{chars}";
    }

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > Limits.IdLength || !char.IsAsciiLetterOrDigit(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
