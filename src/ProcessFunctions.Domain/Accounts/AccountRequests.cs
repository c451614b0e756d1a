namespace ProcessFunctions.Domain.Accounts;

public sealed record CreateAccountRequest
{
    public required string Name { get; init; }
    public required NewMember Administrator { get; init; }
}

public sealed record NewMember
{
    public required string DisplayName { get; init; }
    public required string Email { get; init; }
}

public sealed record CreateMemberRequest
{
    public required string DisplayName { get; init; }
    public required string Email { get; init; }
    public required MemberRole Role { get; init; }
}

public sealed record MemberPatch
{
    public Common.Optional<string> DisplayName { get; init; }
    public Common.Optional<string> Email { get; init; }
    public Common.Optional<MemberRole> Role { get; init; }
}

public sealed record CreateKeyRequest
{
    public string? Name { get; init; }
}

/// <summary>A key as returned once at creation: the only time its text is shown.</summary>
public sealed record IssuedKey(string Id, string MemberId, string Name, string Key, DateTimeOffset CreatedAt);

/// <summary>A key as listed: never its text.</summary>
public sealed record KeyInfo(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static KeyInfo From(ApiKey key) => new(key.Id, key.Name, key.CreatedAt, key.RevokedAt);
}

public sealed record MemberDetails(Member Member, IReadOnlyList<KeyInfo> Keys);

public sealed record CreatedAccount(Account Account, Member Administrator, IssuedKey Key);
