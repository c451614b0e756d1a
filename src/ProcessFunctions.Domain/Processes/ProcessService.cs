using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Processes;

/// <summary>A process as the API returns it: the current definition and whether new deals use it.</summary>
public sealed record ProcessView(ProcessDefinition Definition, bool IsDefault)
{
    public string ETag => ProcessETag.Format(Definition.Version);
}

/// <summary>The HTTP entity tag of a process is its version number, quoted.</summary>
public static class ProcessETag
{
    public static string Format(int version) => $"\"{version}\"";

    public static bool Matches(string ifMatch, int version) =>
        ifMatch.Split(',').Select(tag => tag.Trim()).Any(tag => tag == "*" || tag == Format(version));
}

/// <summary>Reading and editing process definitions. Every change makes a new version.</summary>
public sealed class ProcessService(
    IProcessStore store, IAccountStore accounts, TimeProvider clock, ProcessCache? cache = null)
{
    // A save fails only when another save landed in between, so each of n concurrent single
    // changes needs at most n attempts: this many may edit one process at once and all land.
    private const int MaxAttempts = 32;

    public async Task<Result<ProcessView>> CreateAsync(
        Caller caller, ProcessDraft draft, CancellationToken cancellationToken)
    {
        var created = ProcessEditor.Create(Ids.New("prc"), draft, Ids.New);
        if (!created.TryGet(out var definition, out var problem))
        {
            return problem;
        }

        if (await UnknownMembersAsync(caller, null, definition, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var now = clock.GetUtcNow();
        definition = definition with { Version = 1, CreatedAt = now, UpdatedAt = now, UpdatedBy = caller.MemberId };
        var makeDefault = draft.IsDefault
            || await store.FindDefaultAsync(caller.AccountId, cancellationToken) is null;
        await store.SaveAsync(caller.AccountId, definition, null, makeDefault, cancellationToken);
        return new ProcessView(definition, makeDefault);
    }

    public async Task<Result<ProcessView>> GetAsync(Caller caller, string processId, CancellationToken cancellationToken)
    {
        var stored = store.FindAsync(caller.AccountId, processId, cancellationToken);
        var defaultId = store.FindDefaultAsync(caller.AccountId, cancellationToken);
        if (await stored is not { } found)
        {
            return Problem.NotFound("process");
        }

        return new ProcessView(found.Definition, await defaultId == processId);
    }

    public async Task<Page<(ProcessSummary Process, bool IsDefault)>> ListAsync(
        Caller caller, PageRequest page, CancellationToken cancellationToken)
    {
        var list = store.ListAsync(caller.AccountId, page, cancellationToken);
        var defaultId = await store.FindDefaultAsync(caller.AccountId, cancellationToken);
        var found = await list;
        return new Page<(ProcessSummary, bool)>(
            found.Items.Select(process => (process, process.Id == defaultId)).ToList(), found.NextCursor);
    }

    public async Task<Result<ProcessDefinition>> GetVersionAsync(
        Caller caller, string processId, int version, CancellationToken cancellationToken) =>
        await store.FindVersionAsync(caller.AccountId, processId, version, cancellationToken) is { } definition
            ? definition
            : Problem.NotFound("process version");

    public async Task<Result<Page<ProcessVersionInfo>>> ListVersionsAsync(
        Caller caller, string processId, PageRequest page, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(caller.AccountId, processId, cancellationToken) is null)
        {
            return Problem.NotFound("process");
        }

        return await store.ListVersionsAsync(caller.AccountId, processId, page, cancellationToken);
    }

    /// <summary>The editor's "save and exit": the whole document, guarded by If-Match.</summary>
    public Task<Result<ProcessView>> ReplaceAsync(
        Caller caller, string processId, string? ifMatch, ProcessDraft draft, CancellationToken cancellationToken)
    {
        if (ifMatch is null)
        {
            return Task.FromResult<Result<ProcessView>>(Problem.VersionRequired);
        }

        return EditAsync(
            caller, processId, ifMatch, current => ProcessEditor.Replace(current, draft, Ids.New),
            cancellationToken, draft.IsDefault);
    }

    /// <summary>
    /// Checks, without changing anything, that an edit could start: the process exists, is not
    /// archived and matches If-Match. For edits that must do other work first (moving deals).
    /// </summary>
    public async Task<Result<ProcessDefinition>> CheckEditableAsync(
        Caller caller, string processId, string? ifMatch, CancellationToken cancellationToken)
    {
        var stored = await store.FindAsync(caller.AccountId, processId, cancellationToken);
        if (stored is null)
        {
            return Problem.NotFound("process");
        }

        if (ifMatch is not null && !ProcessETag.Matches(ifMatch, stored.Definition.Version))
        {
            return Problem.StaleVersion;
        }

        return stored.Definition.Archived
            ? Problem.Conflict("process-archived", "The process is archived and can no longer change.")
            : stored.Definition;
    }

    /// <summary>Deleting archives: past versions stay readable, no new deal may use it.</summary>
    public async Task<Result<ProcessView>> ArchiveAsync(
        Caller caller, string processId, string? ifMatch, CancellationToken cancellationToken)
    {
        if (await store.FindDefaultAsync(caller.AccountId, cancellationToken) == processId)
        {
            return Problem.Conflict(
                "default-process", "New deals use this process; make another process the default first.");
        }

        return await EditAsync(caller, processId, ifMatch, current => current with
        {
            Archived = true, Change = "Process archived.",
        }, cancellationToken);
    }

    /// <summary>
    /// Applies one edit to the current version and saves the next. Without If-Match a concurrent
    /// save makes the edit re-run on the newer version; with it, the caller gets 412 instead.
    /// </summary>
    public async Task<Result<ProcessView>> EditAsync(
        Caller caller,
        string processId,
        string? ifMatch,
        Func<ProcessDefinition, Result<ProcessDefinition>> edit,
        CancellationToken cancellationToken,
        bool makeDefault = false)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await store.FindAsync(caller.AccountId, processId, cancellationToken);
            if (stored is null)
            {
                return Problem.NotFound("process");
            }

            var current = stored.Definition;
            if (ifMatch is not null && !ProcessETag.Matches(ifMatch, current.Version))
            {
                return Problem.StaleVersion;
            }

            if (current.Archived)
            {
                return Problem.Conflict("process-archived", "The process is archived and can no longer change.");
            }

            if (!edit(current).TryGet(out var edited, out var problem))
            {
                return problem;
            }

            if (await UnknownMembersAsync(caller, current, edited, cancellationToken) is { } unknown)
            {
                return unknown;
            }

            var next = edited with
            {
                Version = current.Version + 1, UpdatedAt = clock.GetUtcNow(), UpdatedBy = caller.MemberId,
            };
            if (await store.SaveAsync(caller.AccountId, next, stored.StorageTag, makeDefault, cancellationToken))
            {
                cache?.Forget(caller.AccountId, processId);
                var isDefault = makeDefault
                    || await store.FindDefaultAsync(caller.AccountId, cancellationToken) == processId;
                return new ProcessView(next, isDefault);
            }

            if (ifMatch is not null)
            {
                return Problem.StaleVersion;
            }
        }

        return AccountService.Busy;
    }

    /// <summary>Member ids newly referenced by the edit must belong to the account.</summary>
    private async Task<Problem?> UnknownMembersAsync(
        Caller caller, ProcessDefinition? before, ProcessDefinition after, CancellationToken cancellationToken)
    {
        var known = before?.AllSteps.SelectMany(StepRules.MemberIds).ToHashSet(StringComparer.Ordinal) ?? [];
        var referenced = after.AllSteps.SelectMany(StepRules.MemberIds).Where(id => !known.Contains(id)).ToList();
        if (referenced.Count == 0)
        {
            return null;
        }

        var members = await accounts.MemberIdsAsync(caller.AccountId, cancellationToken);
        var errors = new FieldErrors();
        foreach (var id in referenced.Where(id => !members.Contains(id)).Distinct())
        {
            errors.Add("memberIds", $"'{id}' is not a member of this account.");
        }

        return errors.Any ? Problem.Invalid(errors) : null;
    }
}
