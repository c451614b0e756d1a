using ProcessFunctions.Domain.Accounts;

namespace ProcessFunctions.Functions.Accounts;

public sealed record MemberResponse(
    string Id, string DisplayName, string Email, MemberRole Role, DateTimeOffset CreatedAt,
    IReadOnlyList<KeyInfo>? Keys = null)
{
    public static MemberResponse From(Member member, IReadOnlyList<KeyInfo>? keys = null) =>
        new(member.Id, member.DisplayName, member.Email, member.Role, member.CreatedAt, keys);
}

public sealed record MeResponse(Account Account, MemberResponse Member);

public sealed record CreatedAccountResponse(Account Account, MemberResponse Administrator, IssuedKey Key);
