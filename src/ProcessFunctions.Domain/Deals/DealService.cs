using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Effects;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Deals;

/// <summary>
/// What one change to a deal decides: the deal after it, the history entry it adds, and the
/// event it publishes (with the side effects the step asks for), all written atomically.
/// </summary>
public sealed record DealChange(Deal Deal, HistoryEntry? Entry, EffectMessage? Message);

/// <summary>Creating deals and moving them through their process.</summary>
public sealed class DealService(
    IDealStore deals,
    ProcessCache processes,
    IProcessStore processStore,
    IAccountStore accounts,
    IOutboxDispatcher outbox,
    TimeProvider clock)
{
    // Completions of different steps on one deal race on its ETag; each loser re-reads and
    // re-decides, so the attempts must cover many concurrent writers.
    private const int MaxAttempts = 64;

    public async Task<Result<DealView>> CreateAsync(
        Caller caller, CreateDealRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        DealRules.CheckTitle(errors, request.Title);
        DealRules.CheckValue(errors, request.Value);
        DealRules.CheckMembers(errors, "attendeeIds", request.AttendeeIds);
        if (request.OwnerId is not null)
        {
            errors.Id("ownerId", request.OwnerId);
        }

        if (request.ProcessId is not null)
        {
            errors.Id("processId", request.ProcessId);
        }

        if (errors.Any)
        {
            return Problem.Invalid(errors);
        }

        var processId = request.ProcessId ?? await processStore.FindDefaultAsync(caller.AccountId, cancellationToken);
        var process = processId is null ? null : await processes.GetAsync(caller.AccountId, processId, cancellationToken);
        if (process is null)
        {
            return Problem.Invalid("processId", processId is null
                ? "The account has no default process; name one."
                : "No process of this account has this id.");
        }

        if (process.Archived)
        {
            return Problem.Invalid("processId", "The process is archived; new deals cannot use it.");
        }

        var stage = request.StageId is not null ? process.FindStage(request.StageId)
            : process.Stages.Count > 0 ? process.Stages[0] : null;
        if (stage is null)
        {
            return Problem.Invalid("stageId", request.StageId is null
                ? "The process has no stages yet."
                : "No stage of the process has this id.");
        }

        var ownerId = request.OwnerId ?? caller.MemberId;
        var members = await accounts.MemberIdsAsync(caller.AccountId, cancellationToken);
        DealRules.CheckKnown(errors, members, "ownerId", [ownerId]);
        DealRules.CheckKnown(errors, members, "attendeeIds", request.AttendeeIds);
        if (errors.Any)
        {
            return Problem.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var deal = new Deal
        {
            Id = Ids.New("deal"), Title = request.Title.Trim(), ProcessId = process.Id, Value = request.Value,
            OwnerId = ownerId, AttendeeIds = request.AttendeeIds.Distinct().ToList(), StageId = stage.Id,
            StageVisits = [new StageVisit(stage.Id, now, null)], CreatedAt = now, UpdatedAt = now, HistoryCount = 1,
            Revision = 1,
        };
        var entry = new HistoryEntry(1, HistoryKind.Created, caller.MemberId, now, process.Version, StageId: stage.Id);
        var message = Message(DealEvents.Created, caller, deal, process, now);
        await deals.WriteAsync(caller.AccountId, new DealWrite(deal, null, [entry], [message]), cancellationToken);
        await outbox.DispatchAsync(caller.AccountId, [message], cancellationToken);
        return DealView.Of(deal, process);
    }

    public async Task<Result<DealView>> GetAsync(Caller caller, string dealId, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(caller, dealId, cancellationToken);
        return found.Map(f => DealView.Of(f.Deal.Deal, f.Process));
    }

    public async Task<Page<DealView>> ListAsync(Caller caller, DealQuery query, CancellationToken cancellationToken)
    {
        var page = await deals.ListAsync(caller.AccountId, query.Filter, query.Page, cancellationToken);
        var views = new List<DealView>(page.Items.Count);
        foreach (var deal in page.Items)
        {
            if (await processes.GetAsync(caller.AccountId, deal.ProcessId, cancellationToken) is { } process)
            {
                views.Add(DealView.Of(deal, process));
            }
        }

        return new Page<DealView>(views, page.NextCursor);
    }

    public async Task<Result<Page<HistoryEntry>>> HistoryAsync(
        Caller caller, string dealId, PageRequest page, CancellationToken cancellationToken)
    {
        if (await deals.FindAsync(caller.AccountId, dealId, cancellationToken) is null)
        {
            return Problem.NotFound("deal");
        }

        return await deals.ListHistoryAsync(caller.AccountId, dealId, page, cancellationToken);
    }

    public async Task<Result<DealView>> PatchAsync(
        Caller caller, string dealId, DealPatch patch, CancellationToken cancellationToken)
    {
        var members = patch.OwnerId.IsPresent || patch.AttendeeIds.IsPresent
            ? await accounts.MemberIdsAsync(caller.AccountId, cancellationToken)
            : null;
        var changed = await ChangeAsync(caller, dealId, (deal, process, now) =>
        {
            var edited = deal with
            {
                Title = patch.Title.Or(deal.Title)?.Trim()!,
                Value = patch.Value.Or(deal.Value),
                OwnerId = patch.OwnerId.Or(deal.OwnerId)!,
                AttendeeIds = patch.AttendeeIds.Or(deal.AttendeeIds)?.Distinct().ToList()!,
            };
            var errors = new FieldErrors();
            DealRules.CheckTitle(errors, edited.Title);
            DealRules.CheckValue(errors, edited.Value);
            errors.Id("ownerId", edited.OwnerId);
            DealRules.CheckMembers(errors, "attendeeIds", edited.AttendeeIds);
            if (members is not null && !errors.Any)
            {
                DealRules.CheckKnown(errors, members, "ownerId", [edited.OwnerId]);
                DealRules.CheckKnown(errors, members, "attendeeIds", edited.AttendeeIds);
            }

            return errors.Or(new DealChange(
                edited, Entry(HistoryKind.Updated, caller, now, process),
                Message(DealEvents.Updated, caller, edited, process, now)));
        }, cancellationToken);
        return changed.Map(c => DealView.Of(c.Deal, c.Process));
    }

    /// <summary>Moves an open deal to any stage of its process, forward or back.</summary>
    public async Task<Result<DealView>> MoveAsync(
        Caller caller, string dealId, string stageId, CancellationToken cancellationToken)
    {
        var changed = await ChangeAsync(caller, dealId, (deal, process, now) =>
        {
            if (deal.Status != DealStatus.Open)
            {
                return NotOpen(deal);
            }

            if (process.FindStage(stageId) is null)
            {
                return Problem.Invalid("stageId", "No stage of the deal's process has this id.");
            }

            return MoveChange(caller, deal, process, stageId, now);
        }, cancellationToken);
        return changed.Map(c => DealView.Of(c.Deal, c.Process));
    }

    public async Task<Result<CompletionView>> CompleteAsync(
        Caller caller, string dealId, string stepId, CompletionRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Note is { Length: > DealRules.NoteLength })
        {
            errors.Add("note", $"Must be at most {DealRules.NoteLength} characters.");
        }

        if (request.FileIds is null || request.FileIds.Count > DealRules.MaxFilesPerCompletion)
        {
            errors.Add("fileIds", $"List at most {DealRules.MaxFilesPerCompletion} files.");
        }

        if (errors.Any)
        {
            return Problem.Invalid(errors);
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var changed = await ChangeAsync(caller, dealId, (deal, process, now) =>
        {
            if (deal.Status != DealStatus.Open)
            {
                return NotOpen(deal);
            }

            if (process.FindStep(stepId) is not { } found)
            {
                return Problem.NotFound("step");
            }

            var (stage, step) = found;
            if (CompletionRules.Denied(caller, step) is { } denied)
            {
                return denied;
            }

            var unknownFiles = request.FileIds!.Where(id => deal.Files.All(f => f.Id != id)).ToList();
            if (unknownFiles.Count > 0)
            {
                return Problem.Invalid("fileIds", $"No file of this deal has the id '{unknownFiles[0]}'.");
            }

            if (step.NoteRequired && note is null && request.FileIds!.Count == 0)
            {
                return new Problem(ProblemKind.Validation, "note-required", "The step needs a note or a file.",
                    $"Completing '{step.Name}' needs a note or a file.",
                    new FieldErrors().Add("note", "Give a note or at least one file id.").ToDictionary());
            }

            if (deal.CompletionOf(stepId) is { } existing)
            {
                return Problem.Conflict("step-already-completed", $"'{step.Name}' is already completed.",
                    new Dictionary<string, object?> { ["completion"] = existing });
            }

            var completion = new StepCompletion(
                stepId, caller.MemberId, now, note, request.FileIds!.Distinct().ToList(), process.Version);
            var completed = deal with { Completions = [.. deal.Completions, completion] };
            var entry = Entry(HistoryKind.StepCompleted, caller, now, process) with
            {
                StageId = stage.Id, StepId = stepId, Note = note, FileIds = completion.FileIds,
            };
            var message = Message(DealEvents.StepCompleted, caller, completed, process, now) with
            {
                StepId = stepId,
                StageId = stage.Id,
                Notify = step.Notify.Anyone ? step.Notify : null,
                FollowUpTask = step.FollowUpTask,
                Data = new Dictionary<string, string?>
                {
                    ["stepName"] = step.Name, ["stageName"] = stage.Name, ["note"] = note,
                    ["fileIds"] = string.Join(',', completion.FileIds),
                },
            };
            return new DealChange(completed, entry, message);
        }, cancellationToken);
        return changed.Map(c => new CompletionView(
            c.Deal.CompletionOf(stepId)!, c.Deal.ProgressIn(c.Process), DealView.Of(c.Deal, c.Process)));
    }

    /// <summary>Unchecks a step under the same permission rule; history keeps both entries.</summary>
    public async Task<Result<DealView>> UncompleteAsync(
        Caller caller, string dealId, string stepId, CancellationToken cancellationToken)
    {
        var changed = await ChangeAsync(caller, dealId, (deal, process, now) =>
        {
            if (deal.Status != DealStatus.Open)
            {
                return NotOpen(deal);
            }

            var found = process.FindStep(stepId);
            if (deal.CompletionOf(stepId) is null)
            {
                return Problem.NotFound("completion");
            }

            if (found is { } f && CompletionRules.Denied(caller, f.Step) is { } denied)
            {
                return denied;
            }

            var uncompleted = deal with { Completions = deal.Completions.Where(c => c.StepId != stepId).ToList() };
            var entry = Entry(HistoryKind.StepUncompleted, caller, now, process) with
            {
                StageId = found?.Stage.Id, StepId = stepId,
            };
            var message = Message(DealEvents.StepUncompleted, caller, uncompleted, process, now) with
            {
                StepId = stepId, StageId = found?.Stage.Id,
            };
            return new DealChange(uncompleted, entry, message);
        }, cancellationToken);
        return changed.Map(c => DealView.Of(c.Deal, c.Process));
    }

    public async Task<Result<DealView>> WinAsync(Caller caller, string dealId, CancellationToken cancellationToken)
    {
        var changed = await ChangeAsync(caller, dealId, (deal, process, now) =>
        {
            if (deal.Status != DealStatus.Open)
            {
                return NotOpen(deal);
            }

            var missing = process.AllSteps
                .Where(step => step.Obligatory && deal.CompletionOf(step.Id) is null)
                .Select(step => new { id = step.Id, name = step.Name })
                .ToList();
            if (missing.Count > 0)
            {
                return Problem.Conflict("obligatory-steps-missing",
                    $"The deal cannot be won before {missing.Count} obligatory step(s) are done.",
                    new Dictionary<string, object?> { ["missingSteps"] = missing });
            }

            return Close(caller, deal, process, now, DealStatus.Won, null);
        }, cancellationToken);
        return changed.Map(c => DealView.Of(c.Deal, c.Process));
    }

    public async Task<Result<DealView>> LoseAsync(
        Caller caller, string dealId, LoseRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > DealRules.ReasonLength)
        {
            return Problem.Invalid("reason", $"Give a reason of 1 to {DealRules.ReasonLength} characters.");
        }

        var changed = await ChangeAsync(caller, dealId, (deal, process, now) =>
            deal.Status != DealStatus.Open
                ? NotOpen(deal)
                : Close(caller, deal, process, now, DealStatus.Lost, request.Reason.Trim()), cancellationToken);
        return changed.Map(c => DealView.Of(c.Deal, c.Process));
    }

    public async Task<Result<DealView>> ReopenAsync(Caller caller, string dealId, CancellationToken cancellationToken)
    {
        var changed = await ChangeAsync(caller, dealId, (deal, process, now) =>
        {
            if (deal.Status == DealStatus.Open)
            {
                return Problem.Conflict("deal-open", "The deal is already open.");
            }

            var reopened = deal with
            {
                Status = DealStatus.Open, ClosedAt = null, ClosedProgress = null, LostReason = null,
                StageVisits = deal.EnterStage(deal.StageId, now),
            };
            var entry = Entry(HistoryKind.Reopened, caller, now, process) with { StageId = deal.StageId };
            return new DealChange(reopened, entry, Message(DealEvents.Reopened, caller, reopened, process, now));
        }, cancellationToken);
        return changed.Map(c => DealView.Of(c.Deal, c.Process));
    }

    /// <summary>Deleting keeps the deal's history; the deal itself is gone from lists and reads.</summary>
    public async Task<Result<bool>> DeleteAsync(Caller caller, string dealId, CancellationToken cancellationToken)
    {
        var changed = await ChangeAsync(caller, dealId, (deal, process, now) =>
            new DealChange(
                deal with { Deleted = true }, Entry(HistoryKind.Deleted, caller, now, process),
                Message(DealEvents.Deleted, caller, deal, process, now)),
            cancellationToken);
        return changed.Map(_ => true);
    }

    /// <summary>Records a file uploaded to the deal so completions can reference it.</summary>
    public async Task<Result<DealFile>> AddFileAsync(
        Caller caller, string dealId, DealFile file, CancellationToken cancellationToken)
    {
        var changed = await ChangeAsync(caller, dealId, (deal, process, now) =>
            deal.Files.Count >= DealRules.MaxFilesPerDeal
                ? Problem.Conflict("too-many-files", $"A deal holds at most {DealRules.MaxFilesPerDeal} files.")
                : new DealChange(deal with { Files = [.. deal.Files, file] }, null, null),
            cancellationToken);
        return changed.Map(_ => file);
    }

    public async Task<Result<DealFile>> FindFileAsync(
        Caller caller, string dealId, string fileId, CancellationToken cancellationToken)
    {
        // A deleted deal is gone from reads, its files with it.
        var found = await deals.FindAsync(caller.AccountId, dealId, cancellationToken);
        return found is { Deal.Deleted: false } && found.Deal.Files.FirstOrDefault(f => f.Id == fileId) is { } file
            ? file
            : Problem.NotFound("file");
    }

    /// <summary>Moves every open deal standing in a stage, before the stage is deleted.</summary>
    public async Task<Result<int>> MoveOpenDealsAsync(
        Caller caller, string processId, string fromStageId, string? toStageId, CancellationToken cancellationToken)
    {
        if (toStageId is not null && (toStageId == fromStageId || !Ids.IsValid(toStageId)))
        {
            return Problem.Invalid("moveDealsTo", "Name another stage of the process.");
        }

        var open = await deals.ListOpenInStageAsync(caller.AccountId, processId, fromStageId, cancellationToken);
        if (open.Count == 0)
        {
            return 0;
        }

        if (toStageId is null)
        {
            return Problem.Conflict("stage-has-open-deals",
                $"{open.Count} open deal(s) stand in this stage; name a stage to move them to with moveDealsTo.",
                new Dictionary<string, object?> { ["openDeals"] = open.Count });
        }

        foreach (var stored in open)
        {
            var moved = await MoveAsync(caller, stored.Deal.Id, toStageId, cancellationToken);
            if (!moved.IsSuccess && moved.Problem!.Kind != ProblemKind.Conflict)
            {
                return moved.Problem;
            }
        }

        return open.Count;
    }

    /// <summary>
    /// Reads the deal, lets <paramref name="decide"/> rule on it under the current process, and
    /// writes the result with its history entry and event atomically. A concurrent change to the
    /// same deal makes it read and decide again, so no change is lost.
    /// </summary>
    private async Task<Result<(Deal Deal, ProcessDefinition Process)>> ChangeAsync(
        Caller caller,
        string dealId,
        Func<Deal, ProcessDefinition, DateTimeOffset, Result<DealChange>> decide,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var loaded = await LoadAsync(caller, dealId, cancellationToken);
            if (!loaded.TryGet(out var found, out var problem))
            {
                return problem;
            }

            var now = clock.GetUtcNow();
            if (!decide(found.Deal.Deal, found.Process, now).TryGet(out var change, out problem))
            {
                return problem;
            }

            var history = change.Entry is null ? Array.Empty<HistoryEntry>() : [change.Entry with
            {
                Sequence = found.Deal.Deal.HistoryCount + 1,
            }];
            var deal = change.Deal with
            {
                UpdatedAt = now,
                HistoryCount = found.Deal.Deal.HistoryCount + history.Length,
                Revision = found.Deal.Deal.Revision + 1,
            };
            var messages = change.Message is null ? Array.Empty<EffectMessage>() : [change.Message];
            var write = new DealWrite(deal, found.Deal.StorageTag, history, messages);
            if (await deals.WriteAsync(caller.AccountId, write, cancellationToken))
            {
                await outbox.DispatchAsync(caller.AccountId, messages, cancellationToken);
                return (deal, found.Process);
            }

            await Task.Delay(Random.Shared.Next(1, 5 + (attempt * 2)), cancellationToken);
        }

        return AccountService.Busy;
    }

    private async Task<Result<(StoredDeal Deal, ProcessDefinition Process)>> LoadAsync(
        Caller caller, string dealId, CancellationToken cancellationToken)
    {
        var stored = await deals.FindAsync(caller.AccountId, dealId, cancellationToken);
        if (stored is null || stored.Deal.Deleted)
        {
            return Problem.NotFound("deal");
        }

        var process = await processes.GetAsync(caller.AccountId, stored.Deal.ProcessId, cancellationToken)
            ?? throw new InvalidOperationException($"Deal {dealId} refers to a missing process.");
        return (stored, process);
    }

    private static Result<DealChange> MoveChange(
        Caller caller, Deal deal, ProcessDefinition process, string stageId, DateTimeOffset now)
    {
        var moved = deal with { StageId = stageId, StageVisits = deal.EnterStage(stageId, now) };
        var entry = Entry(HistoryKind.StageChanged, caller, now, process) with
        {
            StageId = stageId, FromStageId = deal.StageId,
        };
        var message = Message(DealEvents.StageChanged, caller, moved, process, now) with
        {
            StageId = stageId, Data = new Dictionary<string, string?> { ["fromStageId"] = deal.StageId },
        };
        return new DealChange(moved, entry, message);
    }

    private static DealChange Close(
        Caller caller, Deal deal, ProcessDefinition process, DateTimeOffset now, DealStatus status, string? reason)
    {
        var closed = deal with
        {
            Status = status, ClosedAt = now, ClosedProgress = deal.ProgressIn(process), LostReason = reason,
            StageVisits = deal.LeaveStage(now),
        };
        var kind = status == DealStatus.Won ? HistoryKind.Won : HistoryKind.Lost;
        var entry = Entry(kind, caller, now, process) with { StageId = deal.StageId, Reason = reason };
        var type = status == DealStatus.Won ? DealEvents.Won : DealEvents.Lost;
        var message = Message(type, caller, closed, process, now) with
        {
            StageId = deal.StageId, Data = new Dictionary<string, string?> { ["reason"] = reason },
        };
        return new DealChange(closed, entry, message);
    }

    private static Problem NotOpen(Deal deal) => Problem.Conflict(
        "deal-not-open", $"The deal is {deal.Status.ToString().ToLowerInvariant()}; reopen it first.");

    private static HistoryEntry Entry(HistoryKind kind, Caller caller, DateTimeOffset now, ProcessDefinition process) =>
        new(0, kind, caller.MemberId, now, process.Version);

    private static EffectMessage Message(
        string type, Caller caller, Deal deal, ProcessDefinition process, DateTimeOffset now) => new()
    {
        Id = Ids.New("msg"), Type = type, AccountId = caller.AccountId, DealId = deal.Id, ActorId = caller.MemberId,
        OccurredAt = now, ProcessId = process.Id, ProcessVersion = process.Version, StageId = deal.StageId,
        Progress = deal.ProgressIn(process),
    };
}
