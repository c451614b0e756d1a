using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Processes;

/// <summary>The current version of a process and the storage tag that guards its next save.</summary>
public sealed record StoredProcess(ProcessDefinition Definition, string StorageTag);

/// <summary>A line of a process's version list.</summary>
public sealed record ProcessVersionInfo(int Version, string Change, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>A line of the process list, without stages.</summary>
public sealed record ProcessSummary(
    string Id,
    string Name,
    string? Description,
    int Version,
    bool Archived,
    int StageCount,
    int StepCount,
    int TotalWeight,
    DateTimeOffset UpdatedAt);

/// <summary>Process definitions: a current version per process plus every past version, immutable.</summary>
public interface IProcessStore
{
    Task<StoredProcess?> FindAsync(string accountId, string processId, CancellationToken cancellationToken);

    Task<ProcessDefinition?> FindVersionAsync(
        string accountId, string processId, int version, CancellationToken cancellationToken);

    Task<Page<ProcessVersionInfo>> ListVersionsAsync(
        string accountId, string processId, PageRequest page, CancellationToken cancellationToken);

    Task<Page<ProcessSummary>> ListAsync(string accountId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The account's process for new deals, if one has been chosen.</summary>
    Task<string?> FindDefaultAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="next"/> as the current version and as an immutable past version, in one
    /// atomic write. <paramref name="storageTag"/> null means the process must not exist yet; otherwise
    /// the save fails (returns false) when the current version is no longer the one read.
    /// </summary>
    Task<bool> SaveAsync(
        string accountId,
        ProcessDefinition next,
        string? storageTag,
        bool makeDefault,
        CancellationToken cancellationToken);
}
