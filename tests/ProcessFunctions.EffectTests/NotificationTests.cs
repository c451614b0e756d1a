using System.Net;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.EffectTests.Infrastructure;

namespace ProcessFunctions.EffectTests;

/// <summary>Who a completed step's notify setting emails, and what the email says, through the real SendGrid client.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class NotificationTests(AzuriteFixture azurite) : EffectTest(azurite)
{
    [Fact]
    public async Task Notify_administrators_emails_every_administrator_but_the_completer()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);

        await QueueEffectAsync(StepCompleted(team, deal, team.Piotr, new NotifySettings(Administrators: true)));

        Assert.Equal(["anna@acme.example"], await RecipientsAsync(1));
    }

    [Fact]
    public async Task Notify_managers_emails_managers_and_administrators()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);

        await QueueEffectAsync(StepCompleted(team, deal, team.Completer, new NotifySettings(Managers: true)));

        Assert.Equal(["anna@acme.example", "marek@acme.example", "piotr@acme.example"], await RecipientsAsync(3));
    }

    [Fact]
    public async Task Notify_attendees_emails_the_deal_attendees_but_not_the_completer()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);

        await QueueEffectAsync(StepCompleted(team, deal, team.Completer, new NotifySettings(Attendees: true)));

        Assert.Equal(["adam@acme.example"], await RecipientsAsync(1));
    }

    [Fact]
    public async Task Notify_selected_members_emails_only_them()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);

        await QueueEffectAsync(StepCompleted(team, deal, team.Completer,
            new NotifySettings(MemberIds: [team.Selected.Id, team.Owner.Id])));

        Assert.Equal(["olga@acme.example", "sara@acme.example"], await RecipientsAsync(2));
    }

    [Fact]
    public async Task Notify_with_every_option_emails_each_address_once()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);

        await QueueEffectAsync(StepCompleted(team, deal, team.Completer,
            new NotifySettings(true, true, true, [team.Selected.Id, team.Anna.Id, team.Completer.Id])));

        Assert.Equal(
            ["adam@acme.example", "anna@acme.example", "marek@acme.example", "piotr@acme.example", "sara@acme.example"],
            await RecipientsAsync(5));
    }

    [Fact]
    public async Task Step_email_has_subject_both_bodies_and_a_link_to_the_deal()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);

        await QueueEffectAsync(StepCompleted(team, deal, team.Anna, new NotifySettings(MemberIds: [team.Selected.Id])));
        var mail = (await Eventually.GetAsync(() => SendGrid.Accepted, sent => sent.Count == 1, "one email")).Single();

        Assert.Equal("Anna Nowak completed 'Send proposal' on ACME renewal", mail.Subject);
        Assert.Equal("Bearer SG.fake-test-key", mail.Authorization);
        Assert.Equal("notifications@acme.example", (string?)mail.Body["from"]!["email"]);
        var link = $"{EffectsFactory.PublicUrl}/api/deals/{deal.DealId}";
        foreach (var expected in new[] { "ACME renewal", "Proposal", "Send proposal", "Anna Nowak", "2026-03-02 10:15 UTC", "40%", link })
        {
            Assert.Contains(expected, mail.Text);
            Assert.Contains(expected, mail.Html);
        }

        Assert.Contains("Sent <b>v2</b> & pricing", mail.Text);
        Assert.Contains("Sent &lt;b&gt;v2&lt;/b&gt; &amp; pricing", mail.Html);
        Assert.DoesNotContain("<b>v2</b>", mail.Html);
    }

    [Fact]
    public async Task Notify_nobody_sends_no_email()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);

        await QueueEffectAsync(StepCompleted(team, deal, team.Anna, NotifySettings.Nobody));
        await WaitUntilQueuesDrainAsync();

        Assert.Empty(SendGrid.Received);
    }

    private async Task<string[]> RecipientsAsync(int expected)
    {
        await Eventually.GetAsync(() => SendGrid.Accepted, sent => sent.Count >= expected, $"{expected} emails");
        await WaitUntilQueuesDrainAsync();
        return SendGrid.Accepted.Select(mail => mail.To).Order(StringComparer.Ordinal).ToArray();
    }
}
