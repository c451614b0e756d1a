using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Deals;

/// <summary>A step of the deal's process and whether, by whom and when it was completed on the deal.</summary>
public sealed record DealStepView(
    string StepId,
    string StageId,
    string Name,
    int Weight,
    bool Obligatory,
    bool Completed,
    string? CompletedBy,
    DateTimeOffset? CompletedAt,
    string? Note,
    IReadOnlyList<string>? FileIds);

/// <summary>A deal as the API answers it: its state, its progress and its steps under the current process.</summary>
public sealed record DealView(
    string Id,
    string Title,
    string ProcessId,
    int ProcessVersion,
    Money? Value,
    string OwnerId,
    IReadOnlyList<string> AttendeeIds,
    string StageId,
    DealStatus Status,
    int Progress,
    IReadOnlyList<DealStepView> Steps,
    IReadOnlyList<DealFile> Files,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    string? LostReason)
{
    public static DealView Of(Deal deal, ProcessDefinition process)
    {
        var steps = process.Stages
            .SelectMany(stage => stage.Steps.Select(step => (stage, step, done: deal.CompletionOf(step.Id))))
            .Select(s => new DealStepView(
                s.step.Id, s.stage.Id, s.step.Name, s.step.Weight, s.step.Obligatory, s.done is not null,
                s.done?.CompletedBy, s.done?.CompletedAt, s.done?.Note, s.done?.FileIds))
            .ToList();
        return new DealView(deal.Id, deal.Title, deal.ProcessId, process.Version, deal.Value, deal.OwnerId,
            deal.AttendeeIds, deal.StageId, deal.Status, deal.ProgressIn(process), steps, deal.Files, deal.CreatedAt,
            deal.UpdatedAt, deal.ClosedAt, deal.LostReason);
    }
}

/// <summary>The answer to completing a step: the completion, the new progress and the deal.</summary>
public sealed record CompletionView(StepCompletion Completion, int Progress, DealView Deal);
