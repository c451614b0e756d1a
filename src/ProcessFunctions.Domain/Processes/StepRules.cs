using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Processes;

/// <summary>Validation of a step's name, weight and settings, reported against field paths.</summary>
public static class StepRules
{
    public static void Check(FieldErrors errors, string path, StepDraft draft) =>
        Check(errors, path, draft.Name, draft.Weight, draft.CompletableBy, draft.Notify, draft.FollowUpTask);

    public static void Check(FieldErrors errors, string path, Step step) =>
        Check(errors, path, step.Name, step.Weight, step.CompletableBy, step.Notify, step.FollowUpTask);

    private static void Check(
        FieldErrors errors,
        string path,
        string name,
        int weight,
        CompletableBy? completableBy,
        NotifySettings? notify,
        FollowUpTaskSettings? followUp)
    {
        errors.Name(Field(path, "name"), name);
        errors.Range(Field(path, "weight"), weight, 0, Limits.MaxWeight);
        CheckCompletableBy(errors, Field(path, "completableBy"), completableBy);
        CheckNotify(errors, Field(path, "notify"), notify);
        if (followUp is not null)
        {
            CheckFollowUp(errors, Field(path, "followUpTask"), followUp);
        }
    }

    public static string Field(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static void CheckCompletableBy(FieldErrors errors, string path, CompletableBy? rule)
    {
        if (rule is null)
        {
            errors.Add(path, "Must not be null.");
            return;
        }

        if (rule.Rule == CompletableByRule.Selected)
        {
            CheckMemberIds(errors, Field(path, "memberIds"), rule.MemberIds, required: true);
        }
        else if (rule.MemberIds is { Count: > 0 })
        {
            errors.Add(Field(path, "memberIds"), "Only the rule 'selected' takes member ids.");
        }
    }

    private static void CheckNotify(FieldErrors errors, string path, NotifySettings? notify)
    {
        if (notify is null)
        {
            errors.Add(path, "Must not be null.");
            return;
        }

        CheckMemberIds(errors, Field(path, "memberIds"), notify.MemberIds, required: false);
    }

    private static void CheckFollowUp(FieldErrors errors, string path, FollowUpTaskSettings task)
    {
        errors.Name(Field(path, "title"), task.Title);
        errors.Range(Field(path, "dueInDays"), task.DueInDays, 0, Limits.MaxDueInDays);
        if (task.Assignee == FollowUpAssignee.Selected)
        {
            errors.Id(Field(path, "memberId"), task.MemberId);
        }
        else if (task.MemberId is not null)
        {
            errors.Add(Field(path, "memberId"), "Only the assignee 'selected' takes a member id.");
        }
    }

    private static void CheckMemberIds(FieldErrors errors, string path, IReadOnlyList<string>? ids, bool required)
    {
        var count = ids?.Count ?? 0;
        if (required && count == 0)
        {
            errors.Add(path, "Name at least one member.");
        }

        if (count > Limits.SelectedMembers)
        {
            errors.Add(path, $"Name at most {Limits.SelectedMembers} members.");
        }

        for (var i = 0; i < count; i++)
        {
            errors.Id($"{path}[{i}]", ids![i]);
        }

        if (ids is not null && ids.Distinct(StringComparer.Ordinal).Count() != count)
        {
            errors.Add(path, "Lists a member twice.");
        }
    }

    /// <summary>Member ids a step refers to, so that the service can check they exist.</summary>
    public static IEnumerable<string> MemberIds(Step step)
    {
        foreach (var id in step.CompletableBy.MemberIds ?? [])
        {
            yield return id;
        }

        foreach (var id in step.Notify.MemberIds ?? [])
        {
            yield return id;
        }

        if (step.FollowUpTask?.MemberId is { } assignee)
        {
            yield return assignee;
        }
    }

    public static Step Build(string id, StepDraft draft) => new()
    {
        Id = id,
        Name = draft.Name.Trim(),
        Weight = draft.Weight,
        Obligatory = draft.Obligatory,
        CompletableBy = draft.CompletableBy,
        NoteRequired = draft.NoteRequired,
        Notify = draft.Notify,
        FollowUpTask = draft.FollowUpTask is { } task ? task with { Title = task.Title.Trim() } : null,
    };
}
