using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Effects;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tasks;

/// <summary>How a step's <c>followUpTask</c> setting becomes a task.</summary>
public static class FollowUpRules
{
    /// <summary>
    /// The task for one step completion: due the given number of days after the completion,
    /// assigned to the completer, the deal's owner or the selected member. When that member has
    /// left the account, the owner gets it, and failing that the completer. Its id comes from the
    /// message id, so a duplicate message names the same task.
    /// </summary>
    public static SalesTask Plan(
        FollowUpTaskSettings settings, EffectMessage message, Deal? deal, IReadOnlySet<string> memberIds)
    {
        var owner = deal?.OwnerId;
        var preferred = settings.Assignee switch
        {
            FollowUpAssignee.Owner => owner,
            FollowUpAssignee.Selected => settings.MemberId,
            _ => message.ActorId,
        };
        var assignee = new[] { preferred, owner, message.ActorId }
            .FirstOrDefault(id => id is not null && memberIds.Contains(id)) ?? preferred ?? message.ActorId;

        return new SalesTask
        {
            Id = TaskIdFor(message.Id),
            Title = settings.Title,
            Type = settings.Type,
            DueAt = message.OccurredAt.AddDays(settings.DueInDays),
            AssigneeId = assignee,
            DealId = message.DealId,
            StepId = message.StepId,
            SourceEventId = message.Id,
            CreatedAt = message.OccurredAt,
            CreatedBy = message.ActorId,
            UpdatedAt = message.OccurredAt,
        };
    }

    public static string TaskIdFor(string messageId) => DerivedIds.From("tsk", messageId, "follow-up");
}
