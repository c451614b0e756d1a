namespace ProcessFunctions.Domain.Statistics;

/// <summary>
/// Named figures that add up: one deal's contribution to the statistics, or the sum over the
/// deals of a cohort. Zeros are dropped so that stored documents stay small.
/// </summary>
public sealed class Counters : Dictionary<string, decimal>
{
    public Counters()
        : base(StringComparer.Ordinal)
    {
    }

    public Counters(IDictionary<string, decimal> values)
        : base(values, StringComparer.Ordinal)
    {
    }

    // Dividing by one at the largest scale drops trailing zeros: 1334.56 - 1234.56 is 100, not 100.00.
    private const decimal One = 1.0000000000000000000000000000m;

    public decimal Get(string name) => TryGetValue(name, out var value) ? value : 0;

    /// <summary>
    /// Adds to a counter, kept without trailing zeros so that a sum reached by adding and
    /// subtracting reads the same as the sum computed afresh.
    /// </summary>
    public void Increment(string name, decimal by = 1)
    {
        var value = (Get(name) + by) / One;
        if (value == 0)
        {
            Remove(name);
        }
        else
        {
            this[name] = value;
        }
    }

    /// <summary>Adds (sign 1) or subtracts (sign -1) another set of counters.</summary>
    public Counters Add(IReadOnlyDictionary<string, decimal> other, int sign = 1)
    {
        foreach (var (name, value) in other)
        {
            Increment(name, sign * value);
        }

        return this;
    }
}

/// <summary>The group of deals one aggregate row sums: a process, an owner and a creation month.</summary>
public sealed record CohortKey(string ProcessId, string OwnerId, string Month)
{
    public static string MonthOf(DateTimeOffset createdAt) =>
        createdAt.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The names of stages and steps as last seen, so that removed ones can still be shown.</summary>
public sealed record Labels(IReadOnlyDictionary<string, string> Stages, IReadOnlyDictionary<string, StepLabel> Steps)
{
    public static readonly Labels None = new(new Dictionary<string, string>(), new Dictionary<string, StepLabel>());

    public Labels Merge(Labels newer) => new(
        Stages.Concat(newer.Stages).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        Steps.Concat(newer.Steps).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value));
}

public sealed record StepLabel(string Name, string StageId);

/// <summary>
/// The aggregates of one process for the deals created in one month: counters per owner, and
/// the labels of the stages and steps they mention. One row each, so that a statistics call
/// reads one row per month whatever the number of deals.
/// </summary>
public sealed record MonthAggregate(string ProcessId, string Month, Dictionary<string, Counters> Owners, Labels Labels)
{
    public static MonthAggregate Empty(string processId, string month) =>
        new(processId, month, new Dictionary<string, Counters>(StringComparer.Ordinal), Labels.None);

    public Counters Owner(string ownerId)
    {
        if (!Owners.TryGetValue(ownerId, out var counters))
        {
            counters = new Counters();
            Owners[ownerId] = counters;
        }

        return counters;
    }
}
