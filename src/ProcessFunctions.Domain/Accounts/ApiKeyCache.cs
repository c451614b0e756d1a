using Microsoft.Extensions.Caching.Memory;

namespace ProcessFunctions.Domain.Accounts;

/// <summary>
/// Keeps recently used keys in memory so that most requests authenticate without storage.
/// The lifetime bounds how long a key revoked on another instance keeps working.
/// </summary>
public sealed class ApiKeyCache(IMemoryCache cache, TimeSpan lifetime)
{
    public bool TryGet(string accountId, string keyId, out ApiKey? key) =>
        cache.TryGetValue(CacheKey(accountId, keyId), out key);

    public void Set(string accountId, ApiKey key) => cache.Set(CacheKey(accountId, key.Id), key, lifetime);

    /// <summary>Revocation on this instance takes effect at once.</summary>
    public void Forget(string accountId, IEnumerable<string> keyIds)
    {
        foreach (var keyId in keyIds)
        {
            cache.Remove(CacheKey(accountId, keyId));
        }
    }

    // The account is part of the cache key: a key id presented under another account must miss.
    private static (string, string, string) CacheKey(string accountId, string keyId) => ("apikey", accountId, keyId);
}
