using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Accounts;

/// <summary>An account as stored, with the count that guards its last administrator.</summary>
public sealed record StoredAccount(Account Account, int AdministratorCount, string ETag);

/// <summary>
/// One atomic change to an account's members: the account row (administrator count, checked
/// against its ETag), the member, the member's keys and the email index move together.
/// </summary>
public sealed record MemberChange(StoredAccount Account, int AdministratorCount)
{
    public Member? Added { get; init; }
    public Member? Updated { get; init; }
    public Member? Removed { get; init; }
    public IReadOnlyList<ApiKey> Keys { get; init; } = [];
    public string? ReleasedEmail { get; init; }
    public string? ClaimedEmail { get; init; }
}

public enum MemberChangeOutcome
{
    Saved,

    /// <summary>The account changed since it was read; read again and retry.</summary>
    Stale,
    EmailTaken,
}

/// <summary>Accounts, members and API keys; each account is one storage partition.</summary>
public interface IAccountStore
{
    Task CreateAsync(Account account, Member administrator, ApiKey key, CancellationToken cancellationToken);

    Task<StoredAccount?> FindAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>One point read: what authentication needs for each uncached request.</summary>
    Task<ApiKey?> FindKeyAsync(string accountId, string keyId, CancellationToken cancellationToken);

    Task<Member?> FindMemberAsync(string accountId, string memberId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListKeysAsync(string accountId, string memberId, CancellationToken cancellationToken);

    Task<Page<Member>> ListMembersAsync(string accountId, PageRequest page, CancellationToken cancellationToken);

    Task<IReadOnlySet<string>> MemberIdsAsync(string accountId, CancellationToken cancellationToken);

    Task<MemberChangeOutcome> SaveAsync(MemberChange change, CancellationToken cancellationToken);

    Task SaveKeyAsync(string accountId, ApiKey key, CancellationToken cancellationToken);
}
