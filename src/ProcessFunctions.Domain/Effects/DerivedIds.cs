using System.Security.Cryptography;
using System.Text;

namespace ProcessFunctions.Domain.Effects;

/// <summary>
/// Ids computed from what they identify, so that every duplicate of one queue message names
/// the same task, the same webhook delivery and the same ledger entry.
/// </summary>
public static class DerivedIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string From(string prefix, params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        Span<char> chars = stackalloc char[20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[hash[i] & 31];
        }

        return $"{prefix}_{chars}";
    }
}
