namespace ProcessFunctions.Domain.Accounts;

/// <summary>A tenant company. Everything it owns lives under its id and is invisible to others.</summary>
public sealed record Account(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>What a member may do; each role includes the ones below it.</summary>
public enum MemberRole
{
    User = 0,
    Manager = 1,
    Administrator = 2,
}

/// <summary>A person, or a tool such as "Calendar sync", that acts in an account with its own keys.</summary>
public sealed record Member(
    string Id,
    string DisplayName,
    string Email,
    MemberRole Role,
    DateTimeOffset CreatedAt);

/// <summary>An API key as stored: only the hash of its secret, never the secret.</summary>
public sealed record ApiKey(
    string Id,
    string MemberId,
    string Name,
    string SecretHash,
    MemberRole Role,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>The authenticated member on whose behalf a request runs.</summary>
public sealed record Caller(string AccountId, string MemberId, MemberRole Role, string KeyId)
{
    public bool IsAtLeast(MemberRole role) => Role >= role;
}
