namespace ProcessFunctions.Domain.Statistics;

/// <summary>Money per currency; amounts in different currencies are never added together.</summary>
public sealed class CurrencyAmounts : SortedDictionary<string, decimal>
{
    public CurrencyAmounts()
        : base(StringComparer.Ordinal)
    {
    }
}

public sealed record StepStatistics(
    string StepId,
    string Name,
    bool Archived,
    int Completed,
    int DealsReachedStage,
    decimal? CompletionRate);

public sealed record StageStatistics(
    string StageId,
    string Name,
    bool Archived,
    int OpenDeals,
    CurrencyAmounts OpenValue,
    CurrencyAmounts WeightedValue,
    int Reached,
    int? ReachedLater,
    decimal? ConversionRate,
    int LostInStage,
    decimal? AverageDaysInStage,
    IReadOnlyList<StepStatistics> Steps);

public sealed record OutcomeStatistics(int Count, CurrencyAmounts Value);

/// <summary>The pipeline statistics of one process over the deals selected by creation month and owner.</summary>
public sealed record ProcessStatistics(
    string ProcessId,
    int ProcessVersion,
    string? From,
    string? To,
    string? OwnerId,
    string? Currency,
    int Deals,
    IReadOnlyList<StageStatistics> Stages,
    OutcomeStatistics Won,
    OutcomeStatistics Lost,
    decimal? WinRate,
    decimal? AverageDaysToWin);
