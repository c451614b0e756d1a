using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Storage.Tables;

/// <summary>
/// Table "accounts": one partition per account holding the account row, its members, their
/// keys and an email index, so every member change is one entity-group transaction.
/// </summary>
public sealed class AccountTableStore(StorageClients storage) : IAccountStore
{
    public const string TableName = "accounts";
    private const string AccountRow = "account";
    private const string MemberPrefix = "member|";
    private const string KeyPrefix = "key|";
    private const string EmailPrefix = "email|";

    private readonly TableClient _table = storage.Table(TableName);

    public async Task CreateAsync(Account account, Member administrator, ApiKey key, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity(account.Id, AccountRow)
            {
                ["Name"] = account.Name, ["CreatedAt"] = account.CreatedAt, ["AdministratorCount"] = 1,
            }),
            new(TableTransactionActionType.Add, ToEntity(account.Id, administrator)),
            new(TableTransactionActionType.Add, ToEntity(account.Id, key)),
            new(TableTransactionActionType.Add, EmailEntity(account.Id, MemberRules.NormalizeEmail(administrator.Email), administrator.Id)),
        };
        await _table.SubmitTransactionAsync(actions, cancellationToken);
    }

    public async Task<StoredAccount?> FindAsync(string accountId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(accountId, AccountRow, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        var account = new Account(accountId, entity.GetString("Name"), entity.GetDateTimeOffset("CreatedAt")!.Value);
        return new StoredAccount(account, entity.GetInt32("AdministratorCount") ?? 0, entity.ETag.ToString());
    }

    public async Task<ApiKey?> FindKeyAsync(string accountId, string keyId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(accountId, KeyPrefix + keyId, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? ToKey(entity) : null;
    }

    public async Task<Member?> FindMemberAsync(string accountId, string memberId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(accountId, MemberPrefix + memberId, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? ToMember(entity) : null;
    }

    public async Task<IReadOnlyList<ApiKey>> ListKeysAsync(string accountId, string memberId, CancellationToken cancellationToken)
    {
        var filter = $"{TablePaging.StartsWith(accountId, KeyPrefix)} and {TableClient.CreateQueryFilter($"MemberId eq {memberId}")}";
        var keys = new List<ApiKey>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            keys.Add(ToKey(entity));
        }

        return keys;
    }

    public Task<Domain.Common.Page<Member>> ListMembersAsync(string accountId, PageRequest page, CancellationToken cancellationToken) =>
        TablePaging.PageAsync<TableEntity, Member>(
            _table, TablePaging.StartsWith(accountId, MemberPrefix), page, ToMember, cancellationToken);

    public async Task<IReadOnlySet<string>> MemberIdsAsync(string accountId, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var query = _table.QueryAsync<TableEntity>(
            TablePaging.StartsWith(accountId, MemberPrefix), select: ["RowKey"], cancellationToken: cancellationToken);
        await foreach (var entity in query)
        {
            ids.Add(entity.RowKey[MemberPrefix.Length..]);
        }

        return ids;
    }

    public async Task<MemberChangeOutcome> SaveAsync(MemberChange change, CancellationToken cancellationToken)
    {
        var accountId = change.Account.Account.Id;
        var actions = new List<TableTransactionAction>
        {
            // The account row is written with its ETag so that concurrent member changes cannot
            // both pass the last-administrator check.
            new(TableTransactionActionType.UpdateMerge,
                new TableEntity(accountId, AccountRow) { ["AdministratorCount"] = change.AdministratorCount },
                new ETag(change.Account.ETag)),
        };
        if (change.Added is { } added)
        {
            actions.Add(new(TableTransactionActionType.Add, ToEntity(accountId, added)));
        }

        if (change.Updated is { } updated)
        {
            actions.Add(new(TableTransactionActionType.UpdateReplace, ToEntity(accountId, updated), ETag.All));
        }

        if (change.Removed is { } removed)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(accountId, MemberPrefix + removed.Id), ETag.All));
        }

        actions.AddRange(change.Keys.Select(key =>
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(accountId, key), ETag.All)));
        if (change.ReleasedEmail is { } released)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(accountId, EmailRow(released)), ETag.All));
        }

        var emailAction = -1;
        if (change.ClaimedEmail is { } claimed)
        {
            emailAction = actions.Count;
            var memberId = (change.Added ?? change.Updated)!.Id;
            actions.Add(new(TableTransactionActionType.Add, EmailEntity(accountId, claimed, memberId)));
        }

        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return MemberChangeOutcome.Saved;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == emailAction)
        {
            return MemberChangeOutcome.EmailTaken;
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404 or 409)
        {
            return MemberChangeOutcome.Stale;
        }
    }

    public async Task SaveKeyAsync(string accountId, ApiKey key, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(ToEntity(accountId, key), TableUpdateMode.Replace, cancellationToken);

    private static TableEntity ToEntity(string accountId, Member member) => new(accountId, MemberPrefix + member.Id)
    {
        ["DisplayName"] = member.DisplayName,
        ["Email"] = member.Email,
        ["Role"] = member.Role.ToString(),
        ["CreatedAt"] = member.CreatedAt,
    };

    private static Member ToMember(TableEntity entity) => new(
        entity.RowKey[MemberPrefix.Length..],
        entity.GetString("DisplayName"),
        entity.GetString("Email"),
        Enum.Parse<MemberRole>(entity.GetString("Role")),
        entity.GetDateTimeOffset("CreatedAt")!.Value);

    private static TableEntity ToEntity(string accountId, ApiKey key) => new(accountId, KeyPrefix + key.Id)
    {
        ["MemberId"] = key.MemberId,
        ["Name"] = key.Name,
        ["SecretHash"] = key.SecretHash,
        ["Role"] = key.Role.ToString(),
        ["CreatedAt"] = key.CreatedAt,
        ["RevokedAt"] = key.RevokedAt,
    };

    private static ApiKey ToKey(TableEntity entity) => new(
        entity.RowKey[KeyPrefix.Length..],
        entity.GetString("MemberId"),
        entity.GetString("Name"),
        entity.GetString("SecretHash"),
        Enum.Parse<MemberRole>(entity.GetString("Role")),
        entity.GetDateTimeOffset("CreatedAt")!.Value,
        entity.GetDateTimeOffset("RevokedAt"));

    // Emails may hold characters that row keys forbid, so the index is keyed by a hash.
    private static string EmailRow(string normalizedEmail) =>
        EmailPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));

    private static TableEntity EmailEntity(string accountId, string normalizedEmail, string memberId) =>
        new(accountId, EmailRow(normalizedEmail)) { ["MemberId"] = memberId };
}
