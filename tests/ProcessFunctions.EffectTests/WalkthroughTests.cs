using System.Text.Json.Nodes;
using ProcessFunctions.EffectTests.Infrastructure;

namespace ProcessFunctions.EffectTests;

/// <summary>
/// The walkthrough of docs/side-effects.md: a step with every setting completed through the deal
/// API on a host without a SendGrid key leaves .eml files, a follow-up task and webhook deliveries.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class WalkthroughTests(AzuriteFixture azurite) : EffectTest(azurite), IDisposable
{
    private static readonly string[] Events = ["deal.step_completed", "task.created"];

    private readonly string _mail = Path.Combine(Path.GetTempPath(), "effects-mail-" + Guid.NewGuid().ToString("N"));

    protected override EffectsFactory CreateFactory(string connectionString, string sendGridHost, bool allowPrivate) =>
        new(connectionString, sendGridHost, allowPrivate, _mail);

    [Fact]
    public async Task Completing_a_step_with_every_setting_leaves_eml_files_a_task_and_webhook_deliveries()
    {
        var team = await CreateTeamAsync();
        var deal = await CreateDealAsync(team);
        await JsonAsync(HttpMethod.Post, "webhooks", team.Anna.Key,
            new { url = Receiver.Url, events = Events }, System.Net.HttpStatusCode.Created);

        await CompleteStepAsync(deal, team.Completer, "Proposal v2 sent <to> Bob");
        var files = await Eventually.GetAsync(
            () => Directory.Exists(_mail) ? Directory.GetFiles(_mail, "*.eml") : [], found => found.Length == 5, "five .eml files");
        var tasks = await Eventually.GetAsync(
            async () => (await GetJsonAsync($"tasks?dealId={deal.DealId}", team.Anna.Key))["items"]!.AsArray(),
            items => items.Count == 1, "the follow-up task");
        var events = await Eventually.GetAsync(() => Receiver.Received, r => r.Count == 2, "two webhook deliveries");

        var recipients = files.Select(File.ReadAllText).Select(eml => eml.Split("\r\n").First(l => l.StartsWith("To:", StringComparison.Ordinal)));
        Assert.Equal(5, recipients.Distinct().Count());
        Assert.DoesNotContain(recipients, to => to.Contains("julia@acme.example", StringComparison.Ordinal));
        Assert.All(files.Select(File.ReadAllText), eml =>
        {
            Assert.Contains("Subject: Julia Seller completed 'Send proposal' on ACME renewal", eml, StringComparison.Ordinal);
            Assert.Contains("multipart/alternative", eml, StringComparison.Ordinal);
        });
        Assert.Equal(team.Owner.Id, (string?)tasks.Single()!["assigneeId"]);
        Assert.Equal(["deal.step_completed", "task.created"],
            events.Select(e => (string)JsonNode.Parse(e.Body)!["type"]!).Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_mail))
        {
            Directory.Delete(_mail, recursive: true);
        }
    }
}
