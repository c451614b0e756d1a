namespace ProcessFunctions.Domain.Statistics;

/// <summary>What a deal contributed when last synced, and under which revision of the deal.</summary>
public sealed record DealSnapshot(CohortKey Cohort, long Revision, Counters Counters);

/// <summary>A stored row with the tag that guards its replacement (null: the row does not exist yet).</summary>
public sealed record Tagged<T>(T Value, string? Tag);

/// <summary>Replaces one deal's contribution: the snapshot and the one or two cohorts it moves between.</summary>
public sealed record StatisticsUpdate(
    string DealId,
    Tagged<DealSnapshot> Snapshot,
    IReadOnlyList<Tagged<CohortAggregate>> Cohorts);

/// <summary>Aggregates per cohort and per-deal snapshots, one partition per account.</summary>
public interface IStatisticsStore
{
    Task<Tagged<DealSnapshot>?> FindSnapshotAsync(string accountId, string dealId, CancellationToken cancellationToken);

    Task<Tagged<CohortAggregate>?> FindCohortAsync(string accountId, CohortKey key, CancellationToken cancellationToken);

    /// <summary>False when any row changed since it was read; nothing is written then.</summary>
    Task<bool> ApplyAsync(string accountId, StatisticsUpdate update, CancellationToken cancellationToken);

    /// <summary>The cohorts of a process created in the month range (inclusive, "yyyy-MM"), optionally of one owner.</summary>
    Task<IReadOnlyList<CohortAggregate>> ListCohortsAsync(
        string accountId, string processId, string? fromMonth, string? toMonth, string? ownerId,
        CancellationToken cancellationToken);

    /// <summary>Replaces every aggregate and snapshot of the account with the ones given.</summary>
    Task ReplaceAllAsync(
        string accountId,
        IReadOnlyList<CohortAggregate> cohorts,
        IReadOnlyList<(string DealId, DealSnapshot Snapshot)> snapshots,
        CancellationToken cancellationToken);
}
