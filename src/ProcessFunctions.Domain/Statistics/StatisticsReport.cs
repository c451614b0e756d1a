using ProcessFunctions.Domain.Processes;
using static ProcessFunctions.Domain.Statistics.DealContribution;

namespace ProcessFunctions.Domain.Statistics;

/// <summary>Turns summed cohort counters into the figures a sales manager reads, under the current process.</summary>
public static class StatisticsReport
{
    public static ProcessStatistics Build(
        ProcessDefinition process, Counters totals, Labels labels, StatisticsQuery query)
    {
        if (query.Currency is { } currency)
        {
            totals = OfCurrency(totals, currency);
        }

        var current = process.Stages.Select(stage => stage.Id).ToHashSet(StringComparer.Ordinal);
        var currentSteps = process.AllSteps.Select(step => step.Id).ToHashSet(StringComparer.Ordinal);
        var archivedStages = totals.Keys
            .Where(key => key.StartsWith("reached|", StringComparison.Ordinal))
            .Select(key => key["reached|".Length..])
            .Where(id => !current.Contains(id))
            .Order(StringComparer.Ordinal)
            .ToList();
        var archivedSteps = totals.Keys
            .Where(key => key.StartsWith("step|", StringComparison.Ordinal))
            .Select(key => key["step|".Length..])
            .Where(id => !currentSteps.Contains(id))
            .ToList();

        var stages = new List<StageStatistics>();
        for (var i = 0; i < process.Stages.Count; i++)
        {
            var stage = process.Stages[i];
            int? later = i + 1 < process.Stages.Count ? Count(totals, Reached(process.Stages[i + 1].Id)) : null;
            var steps = stage.Steps.Select(step => (step.Id, step.Name, Archived: false))
                .Concat(ArchivedStepsOf(stage.Id, archivedSteps, labels));
            stages.Add(Stage(totals, process, stage.Id, stage.Name, archived: false, later, steps, query.Currency));
        }

        foreach (var stageId in archivedStages)
        {
            var name = labels.Stages.TryGetValue(stageId, out var label) ? label : stageId;
            stages.Add(Stage(totals, process, stageId, name, archived: true, null,
                ArchivedStepsOf(stageId, archivedSteps, labels), query.Currency));
        }

        var won = Count(totals, Won);
        var lost = Count(totals, Lost);
        return new ProcessStatistics(
            process.Id, process.Version, query.FromMonth, query.ToMonth, query.OwnerId, query.Currency,
            Count(totals, DealContribution.Deals), stages,
            new OutcomeStatistics(won, Amounts(totals, "wonValue|", query.Currency)),
            new OutcomeStatistics(lost, Amounts(totals, "lostValue|", query.Currency)),
            Ratio(won, won + lost),
            won == 0 ? null : Math.Round(totals.Get(WonDays) / won, 2));
    }

    private static StageStatistics Stage(
        Counters totals,
        ProcessDefinition process,
        string stageId,
        string name,
        bool archived,
        int? reachedLater,
        IEnumerable<(string Id, string Name, bool Archived)> steps,
        string? currency)
    {
        var reached = Count(totals, Reached(stageId));
        var visits = totals.Get(StageVisits(stageId));
        return new StageStatistics(
            stageId,
            name,
            archived,
            Count(totals, Open(stageId)),
            Amounts(totals, $"openValue|{stageId}|", currency),
            Weighted(totals, process, stageId, currency),
            reached,
            reachedLater,
            reachedLater is { } converted ? Ratio(converted, reached) : null,
            Count(totals, LostIn(stageId)),
            visits == 0 ? null : Math.Round(totals.Get(StageDays(stageId)) / visits, 2),
            steps.Select(step => new StepStatistics(
                step.Id, step.Name, step.Archived, Count(totals, StepCompleted(step.Id)), reached,
                Ratio(Count(totals, StepCompleted(step.Id)), reached))).ToList());
    }

    /// <summary>Value times progress, with progress taken from the current weights.</summary>
    private static CurrencyAmounts Weighted(Counters totals, ProcessDefinition process, string stageId, string? currency)
    {
        var weighted = new CurrencyAmounts();
        var total = process.TotalWeight;
        if (total == 0)
        {
            return weighted;
        }

        foreach (var step in process.AllSteps.Where(step => step.Weight > 0))
        {
            foreach (var (code, amount) in Amounts(totals, $"openStepValue|{stageId}|{step.Id}|", currency))
            {
                weighted[code] = weighted.GetValueOrDefault(code) + (amount * step.Weight / total);
            }
        }

        foreach (var code in weighted.Keys.ToList())
        {
            weighted[code] = Math.Round(weighted[code], 2);
        }

        return weighted;
    }

    private static IEnumerable<(string Id, string Name, bool Archived)> ArchivedStepsOf(
        string stageId, List<string> archivedSteps, Labels labels) =>
        archivedSteps
            .Where(id => labels.Steps.TryGetValue(id, out var label) ? label.StageId == stageId : false)
            .Select(id => (id, labels.Steps[id].Name, true));

    private static CurrencyAmounts Amounts(Counters totals, string prefix, string? currency)
    {
        var amounts = new CurrencyAmounts();
        foreach (var (key, value) in totals.Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var code = key[prefix.Length..];
            if (currency is null || code == currency)
            {
                amounts[code] = value;
            }
        }

        return amounts;
    }

    private static int Count(Counters totals, string name) => (int)totals.Get(name);

    private static decimal? Ratio(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);
}
