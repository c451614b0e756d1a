using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Effects;

namespace ProcessFunctions.Domain.Deals;

/// <summary>
/// One atomic write of a deal: the deal row (inserted, or replaced under its storage tag), the
/// history entries the change adds and the effect messages it must send, all or nothing.
/// </summary>
public sealed record DealWrite(
    Deal Deal,
    string? StorageTag,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<EffectMessage> Outbox);

/// <summary>Filters of the deal list; null means any.</summary>
public sealed record DealFilter(string? ProcessId, string? StageId, DealStatus? Status, string? OwnerId);

/// <summary>Deals, their history and their outbox, one partition per account.</summary>
public interface IDealStore
{
    Task<StoredDeal?> FindAsync(string accountId, string dealId, CancellationToken cancellationToken);

    Task<Page<Deal>> ListAsync(string accountId, DealFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Open deals of a process standing in a stage.</summary>
    Task<IReadOnlyList<StoredDeal>> ListOpenInStageAsync(
        string accountId, string processId, string stageId, CancellationToken cancellationToken);

    Task<Page<HistoryEntry>> ListHistoryAsync(
        string accountId, string dealId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Every deal of the account, deleted ones included, for rebuilding derived data.</summary>
    IAsyncEnumerable<Deal> ScanAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Writes deals that do not exist yet, in batches; for imports and benchmarks, without history.</summary>
    Task ImportAsync(string accountId, IReadOnlyList<Deal> deals, CancellationToken cancellationToken);

    /// <summary>False when the deal changed since it was read (or, for an insert, already exists).</summary>
    Task<bool> WriteAsync(string accountId, DealWrite write, CancellationToken cancellationToken);
}

/// <summary>Sends effect messages written to the outbox, now and again after a crash.</summary>
public interface IOutboxDispatcher
{
    /// <summary>Sends messages that were just committed; failures are left for the sweep to retry.</summary>
    Task DispatchAsync(string accountId, IReadOnlyList<EffectMessage> messages, CancellationToken cancellationToken);
}
