using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Deals;

/// <summary>Who may complete or uncomplete a step, from its completable-by setting.</summary>
public static class CompletionRules
{
    public static Problem? Denied(Caller caller, Step step)
    {
        var rule = step.CompletableBy;
        var allowed = rule.Rule switch
        {
            CompletableByRule.Everyone => true,
            CompletableByRule.Managers => caller.IsAtLeast(MemberRole.Manager),
            CompletableByRule.Administrators => caller.IsAtLeast(MemberRole.Administrator),
            CompletableByRule.Selected => rule.MemberIds?.Contains(caller.MemberId) == true,
            _ => false,
        };
        if (allowed)
        {
            return null;
        }

        var who = rule.Rule switch
        {
            CompletableByRule.Managers => "managers and administrators",
            CompletableByRule.Administrators => "administrators",
            _ => "the members selected for it",
        };
        return new Problem(ProblemKind.Forbidden, "completable-by", "Not allowed to complete this step.",
            $"'{step.Name}' can be completed only by {who}.",
            Extensions: new Dictionary<string, object?> { ["completableBy"] = rule });
    }
}
