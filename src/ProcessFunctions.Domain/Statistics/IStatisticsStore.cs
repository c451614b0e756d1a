namespace ProcessFunctions.Domain.Statistics;

/// <summary>What a deal contributed when last synced, and under which revision of the deal.</summary>
public sealed record DealSnapshot(CohortKey Cohort, long Revision, Counters Counters);

/// <summary>A stored row with the tag that guards its replacement (null: the row does not exist yet).</summary>
public sealed record Tagged<T>(T Value, string? Tag);

/// <summary>Replaces one deal's contribution: its snapshot and the one or two month rows it moves between.</summary>
public sealed record StatisticsUpdate(
    string DealId,
    Tagged<DealSnapshot> Snapshot,
    IReadOnlyList<Tagged<MonthAggregate>> Months);

/// <summary>Aggregates per process and creation month, and per-deal snapshots, one partition per account.</summary>
public interface IStatisticsStore
{
    Task<Tagged<DealSnapshot>?> FindSnapshotAsync(string accountId, string dealId, CancellationToken cancellationToken);

    Task<Tagged<MonthAggregate>?> FindMonthAsync(
        string accountId, string processId, string month, CancellationToken cancellationToken);

    /// <summary>False when any row changed since it was read; nothing is written then.</summary>
    Task<bool> ApplyAsync(string accountId, StatisticsUpdate update, CancellationToken cancellationToken);

    /// <summary>The month rows of a process in the range (inclusive, "yyyy-MM"; open ends when null).</summary>
    Task<IReadOnlyList<MonthAggregate>> ListMonthsAsync(
        string accountId, string processId, string? fromMonth, string? toMonth, CancellationToken cancellationToken);

    /// <summary>Replaces every aggregate and snapshot of the account with the ones given.</summary>
    Task ReplaceAllAsync(
        string accountId,
        IReadOnlyList<MonthAggregate> months,
        IReadOnlyList<(string DealId, DealSnapshot Snapshot)> snapshots,
        CancellationToken cancellationToken);
}
