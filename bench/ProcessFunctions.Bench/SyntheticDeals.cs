using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Bench;

/// <summary>Deals spread over owners and creation months, in every status, with stage visits and completions.</summary>
public static class SyntheticDeals
{
    public static IReadOnlyList<Deal> Generate(ProcessDefinition process, int count, int owners, int months)
    {
        var random = new Random(42);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ownerIds = Enumerable.Range(0, owners).Select(i => $"owner{i}").ToList();
        var deals = new List<Deal>(count);
        for (var i = 0; i < count; i++)
        {
            var created = start.AddMonths(i % months).AddHours(random.Next(0, 600));
            var furthest = random.Next(process.Stages.Count);
            var visits = new List<StageVisit>();
            var at = created;
            for (var s = 0; s <= furthest; s++)
            {
                var left = at.AddDays(random.Next(1, 20));
                visits.Add(new StageVisit(process.Stages[s].Id, at, s < furthest ? left : null));
                at = left;
            }

            var status = (DealStatus)random.Next(3);
            if (status != DealStatus.Open)
            {
                visits[^1] = visits[^1] with { LeftAt = at };
            }

            var completions = process.Stages.Take(furthest + 1).SelectMany(stage => stage.Steps)
                .Where(_ => random.Next(3) > 0)
                .Select(step => new StepCompletion(step.Id, ownerIds[0], at, null, [], process.Version))
                .ToList();
            deals.Add(new Deal
            {
                Id = Ids.New("deal"),
                Title = $"Deal {i}",
                ProcessId = process.Id,
                Value = new Money(random.Next(1, 500) * 100, i % 4 == 0 ? "PLN" : "EUR"),
                OwnerId = ownerIds[i % owners],
                StageId = process.Stages[furthest].Id,
                StageVisits = visits,
                Status = status,
                Completions = completions,
                CreatedAt = created,
                UpdatedAt = at,
                ClosedAt = status == DealStatus.Open ? null : at,
                ClosedProgress = status == DealStatus.Open ? null : 50,
                LostReason = status == DealStatus.Lost ? "Price" : null,
                Revision = 1,
            });
        }

        return deals;
    }
}
