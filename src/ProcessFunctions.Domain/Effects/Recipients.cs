using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Effects;

/// <summary>A member who is emailed about a step.</summary>
public sealed record Recipient(string MemberId, string Email, string DisplayName);

/// <summary>
/// Who a step's <c>notify</c> setting emails, worked out when the message is processed (so a
/// member who left since is not emailed and one who joined is):
/// administrators; managers, which includes administrators; the deal's attendees; selected
/// members. Each address is emailed once however many options name it, and the member who
/// completed the step is never emailed about their own action.
/// </summary>
public static class Recipients
{
    public static IReadOnlyList<Recipient> Resolve(
        NotifySettings notify, IReadOnlyCollection<Member> members, Deal? deal, string actorId)
    {
        var byId = members.ToDictionary(member => member.Id, StringComparer.Ordinal);
        var chosen = new List<Member>();
        if (notify.Administrators)
        {
            chosen.AddRange(members.Where(member => member.Role == MemberRole.Administrator));
        }

        if (notify.Managers)
        {
            chosen.AddRange(members.Where(member => member.Role >= MemberRole.Manager));
        }

        if (notify.Attendees && deal is not null)
        {
            chosen.AddRange(deal.AttendeeIds.Select(id => byId.GetValueOrDefault(id)).OfType<Member>());
        }

        chosen.AddRange((notify.MemberIds ?? []).Select(id => byId.GetValueOrDefault(id)).OfType<Member>());

        var actorEmail = byId.TryGetValue(actorId, out var actor) ? MemberRules.NormalizeEmail(actor.Email) : null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var recipients = new List<Recipient>();
        foreach (var member in chosen)
        {
            var email = MemberRules.NormalizeEmail(member.Email);
            if (member.Id == actorId || email == actorEmail || !seen.Add(email))
            {
                continue;
            }

            recipients.Add(new Recipient(member.Id, member.Email.Trim(), member.DisplayName));
        }

        return recipients;
    }
}
