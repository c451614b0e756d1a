using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Effects;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.Storage;

namespace ProcessFunctions.EffectTests.Infrastructure;

/// <summary>
/// A test against its own in-memory dev host (unique name prefix), its own fake SendGrid and
/// its own webhook receiver; xunit makes a new instance per test, all disposed when it ends.
/// </summary>
public abstract class EffectTest(AzuriteFixture azurite, bool allowPrivateTargets = true) : IAsyncLifetime
{
    private HttpClient? _http;

    protected FakeSendGrid SendGrid { get; private set; } = null!;

    protected WebhookReceiver Receiver { get; private set; } = null!;

    protected EffectsFactory Factory { get; private set; } = null!;

    protected HttpClient Http => _http ??= Factory.CreateClient();

    public virtual async Task InitializeAsync()
    {
        SendGrid = await FakeSendGrid.StartNewAsync();
        Receiver = await WebhookReceiver.StartNewAsync();
        Factory = CreateFactory(azurite.ConnectionString, SendGrid.BaseUrl, allowPrivateTargets);
    }

    protected virtual EffectsFactory CreateFactory(string connectionString, string sendGridHost, bool allowPrivate) =>
        new(connectionString, sendGridHost, allowPrivate);

    protected Task<JsonObject> CompleteStepAsync(TeamDeal deal, TeamMember member, string note) =>
        JsonAsync(HttpMethod.Post, $"deals/{deal.DealId}/steps/{deal.StepId}/completion", member.Key, new { note },
            HttpStatusCode.Created);

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        await Factory.DisposeAsync();
        await SendGrid.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, "/api/" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JsonSerializerOptions.Web);
        }

        return await Http.SendAsync(request);
    }

    protected async Task<JsonObject> JsonAsync(HttpMethod method, string path, string key, object? body, HttpStatusCode expected)
    {
        using var response = await SendAsync(method, path, key, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    protected Task<JsonObject> GetJsonAsync(string path, string key) => JsonAsync(HttpMethod.Get, path, key, null, HttpStatusCode.OK);

    /// <summary>An account with two administrators, a manager and users for every role a step can name.</summary>
    protected async Task<Team> CreateTeamAsync()
    {
        var created = await JsonAsync(HttpMethod.Post, "accounts", Factory.ProvisioningKey, new
        {
            name = "Acme Industrial",
            administrator = new { displayName = "Anna Nowak", email = "anna@acme.example" },
        }, HttpStatusCode.Created);
        var adminKey = (string)created["key"]!["key"]!;
        var anna = new TeamMember((string)created["administrator"]!["id"]!, "Anna Nowak", "anna@acme.example", adminKey);

        async Task<TeamMember> AddAsync(string name, string email, string role)
        {
            var member = await JsonAsync(HttpMethod.Post, "members", adminKey,
                new { displayName = name, email, role }, HttpStatusCode.Created);
            var id = (string)member["id"]!;
            var key = await JsonAsync(HttpMethod.Post, $"members/{id}/keys", adminKey, new { name = "Test" }, HttpStatusCode.Created);
            return new TeamMember(id, name, email, (string)key["key"]!);
        }

        return new Team(
            (string)created["account"]!["id"]!,
            anna,
            await AddAsync("Piotr Admin", "piotr@acme.example", "administrator"),
            await AddAsync("Marek Manager", "marek@acme.example", "manager"),
            await AddAsync("Julia Seller", "julia@acme.example", "user"),
            await AddAsync("Olga Owner", "olga@acme.example", "user"),
            await AddAsync("Adam Attendee", "adam@acme.example", "user"),
            await AddAsync("Sara Selected", "sara@acme.example", "user"));
    }

    /// <summary>A process whose one step "Send proposal" has every setting, and a deal "ACME renewal" on it.</summary>
    protected async Task<TeamDeal> CreateDealAsync(Team team, object? followUpTask = null)
    {
        var process = await JsonAsync(HttpMethod.Post, "processes", team.Anna.Key, new
        {
            name = "B2B sales",
            stages = new object[]
            {
                new
                {
                    name = "Proposal",
                    steps = new object[]
                    {
                        new
                        {
                            name = "Send proposal",
                            weight = 40,
                            notify = new { administrators = true, managers = true, attendees = true, memberIds = new[] { team.Selected.Id } },
                            followUpTask = followUpTask ?? new { title = "Follow up on the proposal", type = "call", dueInDays = 3, assignee = "owner" },
                        },
                        new { name = "Present", weight = 60 },
                    },
                },
            },
        }, HttpStatusCode.Created);
        var stage = process["stages"]![0]!;
        var deal = await JsonAsync(HttpMethod.Post, "deals", team.Anna.Key, new
        {
            title = "ACME renewal",
            processId = (string)process["id"]!,
            ownerId = team.Owner.Id,
            attendeeIds = new[] { team.Attendee.Id, team.Completer.Id },
        }, HttpStatusCode.Created);
        return new TeamDeal(
            (string)deal["id"]!, (string)process["id"]!, (int)process["version"]!, (string)stage["id"]!,
            (string)stage["steps"]![0]!["id"]!);
    }

    /// <summary>A step-completed message as the deal outbox writes it, by <paramref name="actor"/>.</summary>
    protected static EffectMessage StepCompleted(
        Team team, TeamDeal deal, TeamMember actor, NotifySettings notify, FollowUpTaskSettings? followUp = null) =>
        new()
        {
            Id = Ids.New("evt"),
            Type = DealEvents.StepCompleted,
            AccountId = team.AccountId,
            DealId = deal.DealId,
            ActorId = actor.Id,
            OccurredAt = new DateTimeOffset(2026, 3, 2, 10, 15, 0, TimeSpan.Zero),
            ProcessId = deal.ProcessId,
            ProcessVersion = deal.ProcessVersion,
            StageId = deal.StageId,
            StepId = deal.StepId,
            Progress = 40,
            Data = new Dictionary<string, string?> { ["note"] = "Sent <b>v2</b> & pricing", ["stepName"] = "Send proposal" },
            Notify = notify,
            FollowUpTask = followUp,
        };

    protected QueueClient Queue(string name) => Factory.Services.GetRequiredService<StorageClients>().Queue(name);

    protected async Task QueueEffectAsync(EffectMessage message) =>
        await Queue(QueueNames.StepEffects).SendMessageAsync(JsonSerializer.Serialize(message, ApiJson.Lenient));

    /// <summary>Waits until the queues hold no message, visible or not: everything queued was handled.</summary>
    protected async Task WaitUntilQueuesDrainAsync(params string[] queues)
    {
        foreach (var name in queues.Length == 0 ? [QueueNames.StepEffects, QueueNames.WebhookDeliveries] : queues)
        {
            await Eventually.GetAsync(
                async () => (await Queue(name).GetPropertiesAsync()).Value.ApproximateMessagesCount,
                count => count == 0, $"queue {name} to drain");
        }
    }
}

public sealed record TeamMember(string Id, string Name, string Email, string Key);

public sealed record Team(
    string AccountId, TeamMember Anna, TeamMember Piotr, TeamMember Manager, TeamMember Completer, TeamMember Owner,
    TeamMember Attendee, TeamMember Selected);

public sealed record TeamDeal(string DealId, string ProcessId, int ProcessVersion, string StageId, string StepId);
