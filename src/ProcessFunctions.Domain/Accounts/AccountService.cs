using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Accounts;

/// <summary>Accounts, their members and members' API keys.</summary>
public sealed class AccountService(IAccountStore store, ApiKeyCache keyCache, TimeProvider clock)
{
    // A retry happens only when another change landed in between: n concurrent changes need n attempts.
    private const int MaxAttempts = 32;

    public async Task<Result<CreatedAccount>> CreateAccountAsync(
        CreateAccountRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Name("name", request.Name);
        if (request.Administrator is null)
        {
            errors.Add("administrator", "Must not be null.");
        }
        else
        {
            MemberRules.Check(errors, "administrator", request.Administrator.DisplayName, request.Administrator.Email);
        }

        if (errors.Any)
        {
            return Problem.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var account = new Account(Ids.New("acc"), request.Name.Trim(), now);
        var administrator = new Member(
            Ids.New("mbr"), request.Administrator!.DisplayName.Trim(), request.Administrator.Email.Trim(),
            MemberRole.Administrator, now);
        var (key, issued) = NewKey(account.Id, administrator, "First administrator key", now);

        await store.CreateAsync(account, administrator, key, cancellationToken);
        return new CreatedAccount(account, administrator, issued);
    }

    public async Task<Result<(Account Account, Member Member)>> GetMeAsync(
        Caller caller, CancellationToken cancellationToken)
    {
        var account = await store.FindAsync(caller.AccountId, cancellationToken);
        var member = await store.FindMemberAsync(caller.AccountId, caller.MemberId, cancellationToken);
        if (account is null || member is null)
        {
            return Problem.NotFound("member");
        }

        return (account.Account, member);
    }

    public Task<Page<Member>> ListMembersAsync(Caller caller, PageRequest page, CancellationToken cancellationToken) =>
        store.ListMembersAsync(caller.AccountId, page, cancellationToken);

    public async Task<Result<MemberDetails>> GetMemberAsync(
        Caller caller, string memberId, CancellationToken cancellationToken)
    {
        var member = await store.FindMemberAsync(caller.AccountId, memberId, cancellationToken);
        if (member is null)
        {
            return Problem.NotFound("member");
        }

        var keys = await store.ListKeysAsync(caller.AccountId, memberId, cancellationToken);
        return new MemberDetails(member, keys.Select(KeyInfo.From).ToList());
    }

    public async Task<Result<Member>> CreateMemberAsync(
        Caller caller, CreateMemberRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        MemberRules.Check(errors, "", request.DisplayName, request.Email);
        if (errors.Any)
        {
            return Problem.Invalid(errors);
        }

        var member = new Member(
            Ids.New("mbr"), request.DisplayName.Trim(), request.Email.Trim(), request.Role, clock.GetUtcNow());
        return await ChangeAsync(caller, account => new MemberChange(
            account, account.AdministratorCount + (member.Role == MemberRole.Administrator ? 1 : 0))
        {
            Added = member,
            ClaimedEmail = MemberRules.NormalizeEmail(member.Email),
        }, member, cancellationToken);
    }

    public async Task<Result<Member>> PatchMemberAsync(
        Caller caller, string memberId, MemberPatch patch, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var account = await store.FindAsync(caller.AccountId, cancellationToken);
            var member = await store.FindMemberAsync(caller.AccountId, memberId, cancellationToken);
            if (account is null || member is null)
            {
                return Problem.NotFound("member");
            }

            var edited = member with
            {
                DisplayName = patch.DisplayName.Or(member.DisplayName)?.Trim()!,
                Email = patch.Email.Or(member.Email)?.Trim()!,
                Role = patch.Role.Or(member.Role),
            };
            var errors = new FieldErrors();
            MemberRules.Check(errors, "", edited.DisplayName, edited.Email);
            if (errors.Any)
            {
                return Problem.Invalid(errors);
            }

            var administrators = account.AdministratorCount
                + (edited.Role == MemberRole.Administrator ? 1 : 0)
                - (member.Role == MemberRole.Administrator ? 1 : 0);
            if (administrators < 1)
            {
                return LastAdministrator;
            }

            var keys = edited.Role == member.Role
                ? []
                : (await store.ListKeysAsync(caller.AccountId, memberId, cancellationToken))
                    .Select(key => key with { Role = edited.Role }).ToList();
            var emailChanged = MemberRules.NormalizeEmail(edited.Email) != MemberRules.NormalizeEmail(member.Email);
            var change = new MemberChange(account, administrators)
            {
                Updated = edited,
                Keys = keys,
                ReleasedEmail = emailChanged ? MemberRules.NormalizeEmail(member.Email) : null,
                ClaimedEmail = emailChanged ? MemberRules.NormalizeEmail(edited.Email) : null,
            };
            var outcome = await store.SaveAsync(change, cancellationToken);
            if (outcome == MemberChangeOutcome.EmailTaken)
            {
                return EmailTaken;
            }

            if (outcome == MemberChangeOutcome.Saved)
            {
                keyCache.Forget(caller.AccountId, keys.Select(key => key.Id));
                return edited;
            }
        }

        return Busy;
    }

    /// <summary>Removes a member and revokes all of their keys at once.</summary>
    public async Task<Result<bool>> DeleteMemberAsync(Caller caller, string memberId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var account = await store.FindAsync(caller.AccountId, cancellationToken);
            var member = await store.FindMemberAsync(caller.AccountId, memberId, cancellationToken);
            if (account is null || member is null)
            {
                return Problem.NotFound("member");
            }

            var administrators = account.AdministratorCount - (member.Role == MemberRole.Administrator ? 1 : 0);
            if (administrators < 1)
            {
                return LastAdministrator;
            }

            var now = clock.GetUtcNow();
            var keys = (await store.ListKeysAsync(caller.AccountId, memberId, cancellationToken))
                .Where(key => key.IsActive).Select(key => key with { RevokedAt = now }).ToList();
            var change = new MemberChange(account, administrators)
            {
                Removed = member, Keys = keys, ReleasedEmail = MemberRules.NormalizeEmail(member.Email),
            };
            if (await store.SaveAsync(change, cancellationToken) == MemberChangeOutcome.Saved)
            {
                keyCache.Forget(caller.AccountId, keys.Select(key => key.Id));
                return true;
            }
        }

        return Busy;
    }

    public async Task<Result<IssuedKey>> CreateKeyAsync(
        Caller caller, string memberId, CreateKeyRequest request, CancellationToken cancellationToken)
    {
        if (request.Name is { Length: > Limits.NameLength })
        {
            return Problem.Invalid("name", $"Must be at most {Limits.NameLength} characters.");
        }

        var member = await store.FindMemberAsync(caller.AccountId, memberId, cancellationToken);
        if (member is null)
        {
            return Problem.NotFound("member");
        }

        var existing = await store.ListKeysAsync(caller.AccountId, memberId, cancellationToken);
        if (existing.Count(key => key.IsActive) >= Limits.KeysPerMember)
        {
            return Problem.Conflict("too-many-keys", $"A member has at most {Limits.KeysPerMember} active keys.");
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? "API key" : request.Name.Trim();
        var (key, issued) = NewKey(caller.AccountId, member, name, clock.GetUtcNow());
        await store.SaveKeyAsync(caller.AccountId, key, cancellationToken);
        return issued;
    }

    public async Task<Result<bool>> RevokeKeyAsync(
        Caller caller, string memberId, string keyId, CancellationToken cancellationToken)
    {
        var key = await store.FindKeyAsync(caller.AccountId, keyId, cancellationToken);
        if (key is null || key.MemberId != memberId)
        {
            return Problem.NotFound("key");
        }

        if (key.IsActive)
        {
            await store.SaveKeyAsync(caller.AccountId, key with { RevokedAt = clock.GetUtcNow() }, cancellationToken);
        }

        keyCache.Forget(caller.AccountId, [keyId]);
        return true;
    }

    private async Task<Result<Member>> ChangeAsync(
        Caller caller, Func<StoredAccount, MemberChange> change, Member result, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var account = await store.FindAsync(caller.AccountId, cancellationToken);
            if (account is null)
            {
                return Problem.NotFound("account");
            }

            switch (await store.SaveAsync(change(account), cancellationToken))
            {
                case MemberChangeOutcome.Saved:
                    return result;
                case MemberChangeOutcome.EmailTaken:
                    return EmailTaken;
            }
        }

        return Busy;
    }

    private static (ApiKey Key, IssuedKey Issued) NewKey(string accountId, Member member, string name, DateTimeOffset now)
    {
        var secret = ApiKeySecret.Create(accountId, Ids.New("key"));
        var key = new ApiKey(secret.KeyId, member.Id, name, secret.Hash, member.Role, now, null);
        return (key, new IssuedKey(key.Id, member.Id, name, secret.Text, now));
    }

    private static Problem LastAdministrator => Problem.Conflict(
        "last-administrator", "An account keeps at least one administrator.");

    private static Problem EmailTaken => new(
        ProblemKind.Conflict, "email-taken", "The email address is in use.",
        "Another member of this account has this email address.",
        new FieldErrors().Add("email", "Is used by another member.").ToDictionary());

    internal static Problem Busy => Problem.Conflict(
        "concurrent-change", "The resource kept changing while this request ran; retry it.");
}
