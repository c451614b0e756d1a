using System.Text.RegularExpressions;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Statistics;

/// <summary>Which deals the statistics cover: creation months (inclusive), an owner, a currency.</summary>
public sealed record StatisticsQuery(string? FromMonth, string? ToMonth, string? OwnerId, string? Currency);

/// <summary>
/// Pipeline statistics kept as aggregates per process and creation month (counters per owner
/// inside), so that a question reads one row per month, never the deals.
/// </summary>
public sealed partial class StatisticsService(
    IStatisticsStore store, IDealStore deals, ProcessCache processes, IProcessStore processStore)
{
    private const int MaxAttempts = 64;

    public static Result<StatisticsQuery> Parse(string? from, string? to, string? ownerId, string? currency)
    {
        var errors = new FieldErrors();
        if (from is not null && !Month().IsMatch(from))
        {
            errors.Add("from", "Must be a month as yyyy-MM.");
        }

        if (to is not null && !Month().IsMatch(to))
        {
            errors.Add("to", "Must be a month as yyyy-MM.");
        }

        if (from is not null && to is not null && string.CompareOrdinal(from, to) > 0 && !errors.Any)
        {
            errors.Add("to", "Must not be before from.");
        }

        if (ownerId is not null)
        {
            errors.Id("ownerId", ownerId);
        }

        if (currency is not null && !Currency().IsMatch(currency))
        {
            errors.Add("currency", "Must be an ISO 4217 code such as EUR.");
        }

        return errors.Or(new StatisticsQuery(from, to, ownerId, currency));
    }

    public async Task<Result<ProcessStatistics>> GetAsync(
        Caller caller, string processId, StatisticsQuery query, CancellationToken cancellationToken)
    {
        var process = await processes.GetAsync(caller.AccountId, processId, cancellationToken);
        if (process is null)
        {
            return Problem.NotFound("process");
        }

        var months = await store.ListMonthsAsync(
            caller.AccountId, processId, query.FromMonth, query.ToMonth, cancellationToken);
        var totals = new Counters();
        var labels = Labels.None;
        foreach (var month in months)
        {
            foreach (var (ownerId, counters) in month.Owners)
            {
                if (query.OwnerId is null || query.OwnerId == ownerId)
                {
                    totals.Add(counters);
                }
            }

            labels = labels.Merge(month.Labels);
        }

        return StatisticsReport.Build(process, totals, labels, query);
    }

    /// <summary>
    /// Replaces the deal's previous contribution with its current one. Safe to run any number of
    /// times for any event of the deal: a snapshot at the same or a newer revision means done.
    /// </summary>
    public async Task SyncDealAsync(string accountId, string dealId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var deal = (await deals.FindAsync(accountId, dealId, cancellationToken))?.Deal;
            var snapshot = await store.FindSnapshotAsync(accountId, dealId, cancellationToken);
            if (deal is null || (snapshot is not null && snapshot.Value.Revision >= deal.Revision))
            {
                return;
            }

            var process = await processes.GetAsync(accountId, deal.ProcessId, cancellationToken)
                ?? throw new InvalidOperationException($"Deal {dealId} refers to a missing process.");
            var update = await PlanAsync(accountId, deal, process, snapshot, cancellationToken);
            if (await store.ApplyAsync(accountId, update, cancellationToken))
            {
                return;
            }

            await Task.Delay(Random.Shared.Next(1, 5 + attempt), cancellationToken);
        }

        throw new InvalidOperationException($"Statistics of deal {dealId} kept changing; the message is retried.");
    }

    /// <summary>Recomputes every aggregate of the account from its deals, replacing what is stored.</summary>
    public async Task<int> RebuildAsync(string accountId, CancellationToken cancellationToken)
    {
        var months = new Dictionary<(string ProcessId, string Month), MonthAggregate>();
        var snapshots = new List<(string, DealSnapshot)>();
        var definitions = new Dictionary<string, (ProcessDefinition Process, Labels Labels)?>(StringComparer.Ordinal);
        await foreach (var deal in deals.ScanAsync(accountId, cancellationToken))
        {
            if (!definitions.TryGetValue(deal.ProcessId, out var found))
            {
                found = await ProcessWithEveryLabelAsync(accountId, deal.ProcessId, cancellationToken);
                definitions[deal.ProcessId] = found;
            }

            if (found is not { } definition)
            {
                continue;
            }

            var (process, labels) = definition;

            var key = DealContribution.Cohort(deal);
            var contribution = DealContribution.Of(deal, process);
            var month = months.GetValueOrDefault((key.ProcessId, key.Month))
                ?? MonthAggregate.Empty(key.ProcessId, key.Month);
            month.Owner(key.OwnerId).Add(contribution);
            months[(key.ProcessId, key.Month)] = month with { Labels = month.Labels.Merge(labels) };
            snapshots.Add((deal.Id, new DealSnapshot(key, deal.Revision, contribution)));
        }

        await store.ReplaceAllAsync(accountId, months.Values.ToList(), snapshots, cancellationToken);
        return snapshots.Count;
    }

    /// <summary>
    /// The current process with the names of every stage and step it ever had (the newest name
    /// wins), so that removed ones still counted by deals stay shown as archived after a rebuild,
    /// as they are in aggregates synced while they existed.
    /// </summary>
    private async Task<(ProcessDefinition Process, Labels Labels)?> ProcessWithEveryLabelAsync(
        string accountId, string processId, CancellationToken cancellationToken)
    {
        if ((await processStore.FindAsync(accountId, processId, cancellationToken))?.Definition is not { } process)
        {
            return null;
        }

        var labels = Labels.None;
        for (var version = 1; version < process.Version; version++)
        {
            if (await processStore.FindVersionAsync(accountId, processId, version, cancellationToken) is { } past)
            {
                labels = labels.Merge(DealContribution.LabelsOf(past));
            }
        }

        return (process, labels.Merge(DealContribution.LabelsOf(process)));
    }

    private async Task<StatisticsUpdate> PlanAsync(
        string accountId, Deal deal, ProcessDefinition process, Tagged<DealSnapshot>? snapshot,
        CancellationToken cancellationToken)
    {
        var key = DealContribution.Cohort(deal);
        var contribution = DealContribution.Of(deal, process);
        var touched = new Dictionary<(string ProcessId, string Month), Tagged<MonthAggregate>>();

        async Task<Tagged<MonthAggregate>> MonthAsync(CohortKey cohort)
        {
            var monthKey = (cohort.ProcessId, cohort.Month);
            var month = touched.GetValueOrDefault(monthKey)
                ?? await store.FindMonthAsync(accountId, cohort.ProcessId, cohort.Month, cancellationToken)
                ?? new Tagged<MonthAggregate>(MonthAggregate.Empty(cohort.ProcessId, cohort.Month), null);
            touched[monthKey] = month;
            return month;
        }

        if (snapshot is not null)
        {
            var previous = snapshot.Value;
            (await MonthAsync(previous.Cohort)).Value.Owner(previous.Cohort.OwnerId).Add(previous.Counters, -1);
        }

        var target = await MonthAsync(key);
        target.Value.Owner(key.OwnerId).Add(contribution);
        touched[(key.ProcessId, key.Month)] = target with
        {
            Value = target.Value with { Labels = target.Value.Labels.Merge(DealContribution.LabelsOf(process)) },
        };

        return new StatisticsUpdate(
            deal.Id,
            new Tagged<DealSnapshot>(new DealSnapshot(key, deal.Revision, contribution), snapshot?.Tag),
            touched.Values.ToList());
    }

    [GeneratedRegex("^[0-9]{4}-(0[1-9]|1[0-2])$", RegexOptions.CultureInvariant)]
    private static partial Regex Month();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Currency();
}
