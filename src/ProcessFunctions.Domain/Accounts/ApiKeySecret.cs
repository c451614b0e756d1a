using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace ProcessFunctions.Domain.Accounts;

/// <summary>
/// The plain text of an API key: <c>pfk.{accountId}.{keyId}.{secret}</c>. The account and key
/// ids let authentication find the stored hash with a single point read.
/// </summary>
public sealed record ApiKeySecret(string AccountId, string KeyId, string Secret)
{
    private const string Scheme = "pfk";

    public static ApiKeySecret Create(string accountId, string keyId)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return new ApiKeySecret(accountId, keyId, secret);
    }

    public string Text => $"{Scheme}.{AccountId}.{KeyId}.{Secret}";

    /// <summary>The secret carries 256 random bits, so a plain SHA-256 is enough to store it.</summary>
    public string Hash => HashSecret(Secret);

    public bool Matches(string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash), Encoding.ASCII.GetBytes(storedHash));

    public static bool TryParse(string? text, [NotNullWhen(true)] out ApiKeySecret? key)
    {
        key = null;
        var parts = text?.Split('.');
        if (parts is not { Length: 4 } || parts[0] != Scheme || parts[3].Length is < 20 or > 100
            || !Common.Ids.IsValid(parts[1]) || !Common.Ids.IsValid(parts[2]))
        {
            return false;
        }

        key = new ApiKeySecret(parts[1], parts[2], parts[3]);
        return true;
    }

    private static string HashSecret(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public override string ToString() => $"{Scheme}.{AccountId}.{KeyId}.***";
}
