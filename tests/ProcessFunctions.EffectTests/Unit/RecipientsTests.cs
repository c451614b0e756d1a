using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Effects;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.EffectTests.Unit;

public sealed class RecipientsTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Member[] Members =
    [
        new("mbr_admin", "Anna", "anna@acme.example", MemberRole.Administrator, At),
        new("mbr_manager", "Marek", "marek@acme.example", MemberRole.Manager, At),
        new("mbr_user", "Julia", "julia@acme.example", MemberRole.User, At),
        new("mbr_twin", "Julia (tool)", "JULIA@acme.example", MemberRole.User, At),
        new("mbr_other", "Olga", "olga@acme.example", MemberRole.User, At),
    ];

    private static readonly Deal Deal = new()
    {
        Id = "deal_1", Title = "ACME", ProcessId = "prc_1", OwnerId = "mbr_other", StageId = "stg_1",
        AttendeeIds = ["mbr_user", "mbr_gone"], CreatedAt = At, UpdatedAt = At,
    };

    [Theory]
    [InlineData(true, false, false, "mbr_admin")]
    [InlineData(false, true, false, "mbr_admin,mbr_manager")]
    [InlineData(false, false, true, "mbr_user")]
    public void Resolve_each_option_names_its_members(bool administrators, bool managers, bool attendees, string expected)
    {
        var recipients = Recipients.Resolve(new NotifySettings(administrators, managers, attendees), Members, Deal, "mbr_other");

        Assert.Equal(expected.Split(','), recipients.Select(r => r.MemberId));
    }

    [Fact]
    public void Resolve_skips_the_completer_members_who_left_and_repeated_addresses()
    {
        var notify = new NotifySettings(true, true, true, ["mbr_twin", "mbr_other", "mbr_gone", "mbr_admin"]);

        var recipients = Recipients.Resolve(notify, Members, Deal, "mbr_admin");

        Assert.Equal(["mbr_manager", "mbr_user", "mbr_other"], recipients.Select(r => r.MemberId));
    }

    [Fact]
    public void Resolve_without_the_deal_still_emails_roles_and_selected_members()
    {
        var recipients = Recipients.Resolve(new NotifySettings(true, false, true, ["mbr_other"]), Members, null, "mbr_user");

        Assert.Equal(["mbr_admin", "mbr_other"], recipients.Select(r => r.MemberId));
    }
}
