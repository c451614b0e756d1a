using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Effects;

public static class MemberDirectory
{
    /// <summary>Every member of an account, page by page.</summary>
    public static async Task<IReadOnlyList<Member>> ListAllMembersAsync(
        this IAccountStore accounts, string accountId, CancellationToken cancellationToken)
    {
        var members = new List<Member>();
        string? cursor = null;
        do
        {
            var page = await accounts.ListMembersAsync(
                accountId, new PageRequest(Limits.MaxPageSize, cursor), cancellationToken);
            members.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return members;
    }
}
