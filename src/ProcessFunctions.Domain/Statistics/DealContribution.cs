using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Statistics;

/// <summary>
/// What one deal adds to its cohort's statistics, computed from the deal's whole state. Because
/// it depends only on that state, applying it is idempotent: a deal is synced by replacing its
/// previous contribution with its current one, however many times and in whatever order events arrive.
/// </summary>
public static class DealContribution
{
    public const string Deals = "deals";
    public const string Won = "won";
    public const string Lost = "lost";
    public const string WonDays = "wonDays";

    public static string Reached(string stageId) => $"reached|{stageId}";

    public static string Open(string stageId) => $"open|{stageId}";

    public static string OpenValue(string stageId, string currency) => $"openValue|{stageId}|{currency}";

    /// <summary>Value of open deals in a stage that completed a step: weighted value follows current weights.</summary>
    public static string OpenStepValue(string stageId, string stepId, string currency) =>
        $"openStepValue|{stageId}|{stepId}|{currency}";

    public static string LostIn(string stageId) => $"lostIn|{stageId}";

    public static string StageDays(string stageId) => $"stageDays|{stageId}";

    public static string StageVisits(string stageId) => $"stageVisits|{stageId}";

    public static string StepCompleted(string stepId) => $"step|{stepId}";

    public static string WonValue(string currency) => $"wonValue|{currency}";

    public static string LostValue(string currency) => $"lostValue|{currency}";

    /// <summary>A counter of the deals valued in one currency; the currency filter reads only these.</summary>
    public static string InCurrency(string currency, string name) => $"currency|{currency}|{name}";

    /// <summary>The counters of the deals valued in <paramref name="currency"/>, under their plain names.</summary>
    public static Counters OfCurrency(Counters totals, string currency)
    {
        var prefix = InCurrency(currency, "");
        return new Counters(totals
            .Where(counter => counter.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(counter => counter.Key[prefix.Length..], counter => counter.Value, StringComparer.Ordinal));
    }

    public static CohortKey Cohort(Deal deal) => new(deal.ProcessId, deal.OwnerId, CohortKey.MonthOf(deal.CreatedAt));

    public static Counters Of(Deal deal, ProcessDefinition process)
    {
        var counters = new Counters();
        if (deal.Deleted)
        {
            return counters;
        }

        counters.Increment(Deals);
        foreach (var stageId in ReachedStages(deal, process))
        {
            counters.Increment(Reached(stageId));
        }

        foreach (var visit in deal.StageVisits.Where(v => v.LeftAt is not null))
        {
            counters.Increment(StageDays(visit.StageId), Days(visit.EnteredAt, visit.LeftAt!.Value));
            counters.Increment(StageVisits(visit.StageId));
        }

        foreach (var completion in deal.Completions)
        {
            counters.Increment(StepCompleted(completion.StepId));
        }

        var value = deal.Value;
        switch (deal.Status)
        {
            case DealStatus.Open:
                counters.Increment(Open(deal.StageId));
                if (value is not null)
                {
                    counters.Increment(OpenValue(deal.StageId, value.Currency), value.Amount);
                    foreach (var completion in deal.Completions)
                    {
                        counters.Increment(OpenStepValue(deal.StageId, completion.StepId, value.Currency), value.Amount);
                    }
                }

                break;
            case DealStatus.Won:
                counters.Increment(Won);
                counters.Increment(WonDays, Days(deal.CreatedAt, deal.ClosedAt!.Value));
                if (value is not null)
                {
                    counters.Increment(WonValue(value.Currency), value.Amount);
                }

                break;
            case DealStatus.Lost:
                counters.Increment(Lost);
                counters.Increment(LostIn(deal.StageId));
                if (value is not null)
                {
                    counters.Increment(LostValue(value.Currency), value.Amount);
                }

                break;
        }

        if (value is not null)
        {
            // Each figure again under the deal's currency, so that a currency selects deals, not only amounts.
            foreach (var (name, amount) in counters.ToList())
            {
                counters.Increment(InCurrency(value.Currency, name), amount);
            }
        }

        return counters;
    }

    /// <summary>Names of the process's stages and steps, kept with the aggregates.</summary>
    public static Labels LabelsOf(ProcessDefinition process) => new(
        process.Stages.ToDictionary(stage => stage.Id, stage => stage.Name),
        process.Stages.SelectMany(stage => stage.Steps.Select(step => (stage, step)))
            .ToDictionary(s => s.step.Id, s => new StepLabel(s.step.Name, s.stage.Id)));

    /// <summary>
    /// A deal has reached every stage up to the furthest one it stood in (by the process's order),
    /// even one it skipped, and also any removed stage it actually stood in.
    /// </summary>
    private static IEnumerable<string> ReachedStages(Deal deal, ProcessDefinition process)
    {
        var visited = deal.StageVisits.Select(v => v.StageId).Append(deal.StageId).ToHashSet(StringComparer.Ordinal);
        var order = process.Stages.Select(stage => stage.Id).ToList();
        var furthest = order.FindLastIndex(visited.Contains);
        return order.Take(furthest + 1).Concat(visited.Where(id => !order.Contains(id)));
    }

    // Days are kept to four decimals so that sums stay exact in decimal arithmetic.
    private static decimal Days(DateTimeOffset from, DateTimeOffset to) =>
        Math.Round((decimal)(to - from).TotalDays, 4);
}
