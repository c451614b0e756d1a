using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Processes;

/// <summary>
/// The edits an administrator can make to a process. Each returns the edited definition
/// (version metadata is stamped by the caller) or the problem that rejects the whole edit.
/// </summary>
public static class ProcessEditor
{
    public static Result<ProcessDefinition> Create(string processId, ProcessDraft draft, Func<string, string> newId)
    {
        var empty = new ProcessDefinition
        {
            Id = processId, Name = "", Version = 0, Stages = [], CreatedAt = default, UpdatedAt = default,
            UpdatedBy = "", Change = "",
        };
        return Replace(empty, draft, newId).Map(created => created with { Change = "Process created." });
    }

    /// <summary>Saves the whole document: ids sent are kept, stages and steps without one are new.</summary>
    public static Result<ProcessDefinition> Replace(
        ProcessDefinition current, ProcessDraft draft, Func<string, string> newId)
    {
        var errors = new FieldErrors();
        errors.Name("name", draft.Name);
        CheckDescription(errors, draft.Description);
        if (draft.Stages is null)
        {
            return Problem.Invalid("stages", "Must not be null.");
        }

        if (draft.Stages.Count > Limits.StagesPerProcess)
        {
            errors.Add("stages", $"A process has at most {Limits.StagesPerProcess} stages.");
        }

        var knownStages = current.Stages.Select(stage => stage.Id).ToHashSet(StringComparer.Ordinal);
        var knownSteps = current.AllSteps.Select(step => step.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stages = new List<Stage>(draft.Stages.Count);
        for (var i = 0; i < draft.Stages.Count; i++)
        {
            var path = $"stages[{i}]";
            var stageDraft = draft.Stages[i];
            if (stageDraft is null)
            {
                errors.Add(path, "Must not be null.");
                continue;
            }

            CheckKeptId(errors, $"{path}.id", stageDraft.Id, knownStages, seen, "stage");
            errors.Name($"{path}.name", stageDraft.Name);
            var steps = BuildSteps(errors, path, stageDraft.Steps, knownSteps, seen, newId);
            stages.Add(new Stage(stageDraft.Id ?? newId("stg"), stageDraft.Name?.Trim() ?? "", steps));
        }

        return errors.Or(current with
        {
            Name = draft.Name.Trim(),
            Description = NormalizeDescription(draft.Description),
            Stages = stages,
            Change = "Process saved.",
        });
    }

    public static Result<ProcessDefinition> Rename(ProcessDefinition current, string name, string? description)
    {
        var errors = new FieldErrors();
        errors.Name("name", name);
        CheckDescription(errors, description);
        return errors.Or(current with
        {
            Name = name.Trim(), Description = NormalizeDescription(description), Change = "Process renamed.",
        });
    }

    public static Result<ProcessDefinition> AddStage(
        ProcessDefinition current, string stageId, AddStageRequest request, Func<string, string> newId)
    {
        var errors = new FieldErrors();
        errors.Name("name", request.Name);
        if (current.Stages.Count >= Limits.StagesPerProcess)
        {
            return Problem.Invalid("stages", $"A process has at most {Limits.StagesPerProcess} stages.");
        }

        CheckPosition(errors, request.Position, current.Stages.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var steps = BuildSteps(errors, "", request.Steps, new HashSet<string>(), seen, newId);
        if (errors.Any)
        {
            return Problem.Invalid(errors);
        }

        var stages = current.Stages.ToList();
        stages.Insert(request.Position ?? stages.Count, new Stage(stageId, request.Name.Trim(), steps));
        return current with { Stages = stages, Change = $"Stage '{request.Name.Trim()}' added." };
    }

    public static Result<ProcessDefinition> RenameStage(ProcessDefinition current, string stageId, string name)
    {
        var errors = new FieldErrors();
        errors.Name("name", name);
        return errors.Or(0).Then(_ => WithStage(current, stageId, stage => stage with { Name = name.Trim() }))
            .Map(edited => edited with { Change = $"Stage renamed to '{name.Trim()}'." });
    }

    public static Result<ProcessDefinition> DeleteStage(ProcessDefinition current, string stageId)
    {
        if (current.FindStage(stageId) is not { } stage)
        {
            return Problem.NotFound("stage");
        }

        return current with
        {
            Stages = current.Stages.Where(s => s.Id != stageId).ToList(),
            Change = $"Stage '{stage.Name}' deleted.",
        };
    }

    public static Result<ProcessDefinition> ReorderStages(ProcessDefinition current, IReadOnlyList<string> stageIds)
    {
        if (!IsPermutation(stageIds, current.Stages.Select(stage => stage.Id)))
        {
            return Problem.Invalid("stageIds", "List every stage of the process exactly once.");
        }

        var byId = current.Stages.ToDictionary(stage => stage.Id);
        return current with { Stages = stageIds.Select(id => byId[id]).ToList(), Change = "Stages reordered." };
    }

    public static Result<ProcessDefinition> AddStep(
        ProcessDefinition current, string stageId, string stepId, AddStepRequest request)
    {
        if (current.FindStage(stageId) is not { } stage)
        {
            return Problem.NotFound("stage");
        }

        var errors = new FieldErrors();
        if (request.Id is not null)
        {
            errors.Add("id", "Step ids are assigned by the service.");
        }

        StepRules.Check(errors, "", request);
        CheckPosition(errors, request.Position, stage.Steps.Count);
        if (stage.Steps.Count >= Limits.StepsPerStage)
        {
            errors.Add("stageId", $"A stage has at most {Limits.StepsPerStage} steps.");
        }

        if (errors.Any)
        {
            return Problem.Invalid(errors);
        }

        var step = StepRules.Build(stepId, request);
        return WithStage(current, stageId, s => s with { Steps = Inserted(s.Steps, step, request.Position) })
            .Map(edited => edited with { Change = $"Step '{step.Name}' added to '{stage.Name}'." });
    }

    /// <summary>Changes the fields present in the patch; a different stage id moves the step.</summary>
    public static Result<ProcessDefinition> PatchStep(
        ProcessDefinition current, string stageId, string stepId, StepPatch patch)
    {
        if (current.FindStage(stageId) is not { } stage || stage.Steps.All(s => s.Id != stepId))
        {
            return Problem.NotFound("step");
        }

        var step = stage.Steps.First(s => s.Id == stepId);
        var edited = step with
        {
            Name = patch.Name.Or(step.Name)?.Trim()!,
            Weight = patch.Weight.Or(step.Weight),
            Obligatory = patch.Obligatory.Or(step.Obligatory),
            CompletableBy = patch.CompletableBy.Or(step.CompletableBy)!,
            NoteRequired = patch.NoteRequired.Or(step.NoteRequired),
            Notify = patch.Notify.Or(step.Notify)!,
            FollowUpTask = patch.FollowUpTask.Or(step.FollowUpTask) is { } task
                ? task with { Title = task.Title?.Trim()! }
                : null,
        };

        var errors = new FieldErrors();
        CheckNotNull(errors, patch);
        if (!errors.Any)
        {
            StepRules.Check(errors, "", edited);
        }

        var targetId = patch.StageId.Or(stageId);
        var target = targetId is null ? null : current.FindStage(targetId);
        if (target is null)
        {
            errors.Add("stageId", "No stage of this process has this id.");
        }
        else if (target.Id != stageId && target.Steps.Count >= Limits.StepsPerStage)
        {
            errors.Add("stageId", $"A stage has at most {Limits.StepsPerStage} steps.");
        }

        var remaining = target?.Steps.Count(s => s.Id != stepId) ?? 0;
        CheckPosition(errors, patch.Position.IsPresent ? patch.Position.Value : null, remaining);
        if (errors.Any)
        {
            return Problem.Invalid(errors);
        }

        var position = patch.Position.IsPresent
            ? patch.Position.Value
            : target!.Id == stageId ? stage.Steps.ToList().FindIndex(s => s.Id == stepId) : (int?)null;
        var stages = current.Stages
            .Select(s => s with { Steps = s.Steps.Where(x => x.Id != stepId).ToList() })
            .Select(s => s.Id == target!.Id ? s with { Steps = Inserted(s.Steps, edited, position) } : s)
            .ToList();
        var change = target!.Id == stageId
            ? $"Step '{edited.Name}' changed."
            : $"Step '{edited.Name}' moved to '{target.Name}'.";
        return current with { Stages = stages, Change = change };
    }

    public static Result<ProcessDefinition> DeleteStep(ProcessDefinition current, string stageId, string stepId)
    {
        if (current.FindStage(stageId)?.Steps.FirstOrDefault(s => s.Id == stepId) is not { } step)
        {
            return Problem.NotFound("step");
        }

        return WithStage(current, stageId, s => s with { Steps = s.Steps.Where(x => x.Id != stepId).ToList() })
            .Map(edited => edited with { Change = $"Step '{step.Name}' deleted." });
    }

    public static Result<ProcessDefinition> ReorderSteps(
        ProcessDefinition current, string stageId, IReadOnlyList<string> stepIds)
    {
        if (current.FindStage(stageId) is not { } stage)
        {
            return Problem.NotFound("stage");
        }

        if (!IsPermutation(stepIds, stage.Steps.Select(step => step.Id)))
        {
            return Problem.Invalid("stepIds", "List every step of the stage exactly once.");
        }

        var byId = stage.Steps.ToDictionary(step => step.Id);
        return WithStage(current, stageId, s => s with { Steps = stepIds.Select(id => byId[id]).ToList() })
            .Map(edited => edited with { Change = $"Steps of '{stage.Name}' reordered." });
    }

    private static List<Step> BuildSteps(
        FieldErrors errors,
        string stagePath,
        IReadOnlyList<StepDraft>? drafts,
        HashSet<string> knownSteps,
        HashSet<string> seen,
        Func<string, string> newId)
    {
        var stepsPath = StepRules.Field(stagePath, "steps");
        if (drafts is null)
        {
            errors.Add(stepsPath, "Must not be null.");
            return [];
        }

        if (drafts.Count > Limits.StepsPerStage)
        {
            errors.Add(stepsPath, $"A stage has at most {Limits.StepsPerStage} steps.");
        }

        var steps = new List<Step>(drafts.Count);
        for (var j = 0; j < drafts.Count; j++)
        {
            var path = $"{stepsPath}[{j}]";
            if (drafts[j] is not { } draft)
            {
                errors.Add(path, "Must not be null.");
                continue;
            }

            CheckKeptId(errors, $"{path}.id", draft.Id, knownSteps, seen, "step");
            StepRules.Check(errors, path, draft);
            if (!errors.Any)
            {
                steps.Add(StepRules.Build(draft.Id ?? newId("stp"), draft));
            }
        }

        return steps;
    }

    private static void CheckKeptId(
        FieldErrors errors, string path, string? id, HashSet<string> known, HashSet<string> seen, string what)
    {
        if (id is null)
        {
            return;
        }

        if (!Ids.IsValid(id))
        {
            errors.Add(path, "Is not a valid id.");
        }
        else if (!known.Contains(id))
        {
            errors.Add(path, $"No {what} of this process has this id; omit the id to add a new {what}.");
        }
        else if (!seen.Add(id))
        {
            errors.Add(path, "The document uses this id twice.");
        }
    }

    private static void CheckNotNull(FieldErrors errors, StepPatch patch)
    {
        void Require<T>(string field, Optional<T> value)
        {
            if (value.IsPresent && value.Value is null)
            {
                errors.Add(field, "Must not be null.");
            }
        }

        Require("name", patch.Name);
        Require("completableBy", patch.CompletableBy);
        Require("notify", patch.Notify);
        Require("stageId", patch.StageId);
    }

    private static void CheckDescription(FieldErrors errors, string? description)
    {
        if (description is { Length: > Limits.DescriptionLength })
        {
            errors.Add("description", $"Must be at most {Limits.DescriptionLength} characters.");
        }
    }

    private static string? NormalizeDescription(string? description) =>
        string.IsNullOrWhiteSpace(description) ? null : description.Trim();

    private static void CheckPosition(FieldErrors errors, int? position, int count)
    {
        if (position is { } p && (p < 0 || p > count))
        {
            errors.Add("position", $"Must be between 0 and {count}.");
        }
    }

    private static Result<ProcessDefinition> WithStage(
        ProcessDefinition current, string stageId, Func<Stage, Stage> edit)
    {
        if (current.FindStage(stageId) is null)
        {
            return Problem.NotFound("stage");
        }

        return current with { Stages = current.Stages.Select(s => s.Id == stageId ? edit(s) : s).ToList() };
    }

    private static List<Step> Inserted(IReadOnlyList<Step> steps, Step step, int? position)
    {
        var list = steps.ToList();
        list.Insert(Math.Min(position ?? list.Count, list.Count), step);
        return list;
    }

    private static bool IsPermutation(IReadOnlyList<string>? ids, IEnumerable<string> existing)
    {
        var expected = existing.ToHashSet(StringComparer.Ordinal);
        return ids is not null && ids.Count == expected.Count && ids.ToHashSet(StringComparer.Ordinal).SetEquals(expected);
    }
}
