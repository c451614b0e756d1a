using Microsoft.Extensions.Caching.Memory;

namespace ProcessFunctions.Domain.Processes;

/// <summary>
/// Current process definitions kept in memory, so that completing a step reads only the deal.
/// A save on this instance drops the entry at once; other instances see a new version within
/// the lifetime it is given.
/// </summary>
public sealed class ProcessCache(IProcessStore store, IMemoryCache cache, TimeSpan lifetime)
{
    public async Task<ProcessDefinition?> GetAsync(string accountId, string processId, CancellationToken cancellationToken)
    {
        var key = CacheKey(accountId, processId);
        if (cache.TryGetValue(key, out ProcessDefinition? definition))
        {
            return definition;
        }

        definition = (await store.FindAsync(accountId, processId, cancellationToken))?.Definition;
        if (definition is not null)
        {
            cache.Set(key, definition, lifetime);
        }

        return definition;
    }

    public void Forget(string accountId, string processId) => cache.Remove(CacheKey(accountId, processId));

    private static (string, string, string) CacheKey(string accountId, string processId) =>
        ("process", accountId, processId);
}
