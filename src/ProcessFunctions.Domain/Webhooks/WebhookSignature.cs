using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProcessFunctions.Domain.Webhooks;

/// <summary>
/// Secrets and signatures of the Standard Webhooks specification: a secret is <c>whsec_</c>
/// followed by base64 key bytes; a signature is <c>v1,</c> followed by the base64 HMAC-SHA256 of
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c> under those key bytes.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string id, DateTimeOffset timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal)
            ? secret[SecretPrefix.Length..]
            : secret);
        var signed = $"{id}.{Seconds(timestamp)}.{body}";
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed)));
    }

    /// <summary>The three headers of one attempt; the timestamp is the attempt's, so retries pass replay checks.</summary>
    public static IReadOnlyDictionary<string, string> Headers(string secret, string id, DateTimeOffset now, string body) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [IdHeader] = id,
            [TimestampHeader] = Seconds(now),
            [SignatureHeader] = Sign(secret, id, now, body),
        };

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
