using System.Text.Json;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.DevHost;

/// <summary>The demo account's keys, kept beside the emulator data because keys are shown only once.</summary>
public sealed record DemoKeys(string AccountId, string ProcessId, string Administrator, string Manager, string User);

/// <summary>
/// On first start, creates a demo account (an administrator, a manager and a user) with a
/// sample B2B sales process, through the same services the API uses.
/// </summary>
public sealed class DemoSeed(AccountService accounts, ProcessService processes, IAccountStore store)
{
    public async Task<DemoKeys> EnsureAsync(string keysFile, CancellationToken cancellationToken)
    {
        if (File.Exists(keysFile)
            && JsonSerializer.Deserialize<DemoKeys>(await File.ReadAllTextAsync(keysFile, cancellationToken)) is { } saved
            && await store.FindAsync(saved.AccountId, cancellationToken) is not null)
        {
            return saved;
        }

        var keys = await SeedAsync(cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(keysFile)!);
        await File.WriteAllTextAsync(keysFile, JsonSerializer.Serialize(keys), cancellationToken);
        return keys;
    }

    private async Task<DemoKeys> SeedAsync(CancellationToken cancellationToken)
    {
        var created = (await accounts.CreateAccountAsync(new CreateAccountRequest
        {
            Name = "Demo Industrial Supplies",
            Administrator = new NewMember { DisplayName = "Anna Nowak", Email = "anna.nowak@demo.example" },
        }, cancellationToken)).Value;
        var admin = new Caller(created.Account.Id, created.Administrator.Id, MemberRole.Administrator, created.Key.Id);

        var manager = await AddMemberAsync(admin, "Marek Kowalski", "marek.kowalski@demo.example", MemberRole.Manager, cancellationToken);
        var user = await AddMemberAsync(admin, "Julia Wiśniewska", "julia.wisniewska@demo.example", MemberRole.User, cancellationToken);

        var process = (await processes.CreateAsync(admin, SampleProcess(manager.MemberId), cancellationToken)).Value;
        return new DemoKeys(created.Account.Id, process.Definition.Id, created.Key.Key, manager.Key, user.Key);
    }

    private async Task<(string MemberId, string Key)> AddMemberAsync(
        Caller admin, string name, string email, MemberRole role, CancellationToken cancellationToken)
    {
        var member = (await accounts.CreateMemberAsync(admin, new CreateMemberRequest
        {
            DisplayName = name, Email = email, Role = role,
        }, cancellationToken)).Value;
        var key = (await accounts.CreateKeyAsync(admin, member.Id, new CreateKeyRequest { Name = "Demo key" }, cancellationToken)).Value;
        return (member.Id, key.Key);
    }

    private static ProcessDraft SampleProcess(string managerId) => new()
    {
        Name = "B2B sales",
        Description = "From first contact to signed contract.",
        IsDefault = true,
        Stages =
        [
            Stage("Lead", Step("Qualify the lead (BANT)", 10, obligatory: true), Step("Identify the decision maker", 5)),
            Stage("Discovery",
                Step("Discovery call", 10) with
                {
                    FollowUpTask = new FollowUpTaskSettings("Send the call summary", FollowUpTaskType.Email, 1, FollowUpAssignee.Completer),
                },
                Step("Document requirements", 10) with { NoteRequired = true }),
            Stage("Proposal",
                Step("Send proposal", 15, obligatory: true) with
                {
                    Notify = new NotifySettings(Managers: true, Attendees: true),
                    FollowUpTask = new FollowUpTaskSettings("Follow up on the proposal", FollowUpTaskType.Call, 3, FollowUpAssignee.Owner),
                },
                Step("Present the proposal", 10) with
                {
                    FollowUpTask = new FollowUpTaskSettings("Answer open questions", FollowUpTaskType.ToDo, 2, FollowUpAssignee.Completer),
                }),
            Stage("Negotiation",
                Step("Agree on the discount", 10) with
                {
                    CompletableBy = new CompletableBy(CompletableByRule.Managers),
                    NoteRequired = true,
                    Notify = new NotifySettings(Administrators: true),
                },
                Step("Legal review", 10) with
                {
                    CompletableBy = new CompletableBy(CompletableByRule.Selected, [managerId]),
                    Notify = new NotifySettings(MemberIds: [managerId]),
                }),
            Stage("Closing",
                Step("Contract signed", 15, obligatory: true) with
                {
                    NoteRequired = true,
                    Notify = new NotifySettings(Administrators: true, Managers: true, Attendees: true),
                    FollowUpTask = new FollowUpTaskSettings("Kick-off meeting", FollowUpTaskType.Meeting, 7, FollowUpAssignee.Selected, managerId),
                },
                Step("Hand over to delivery", 5) with { CompletableBy = new CompletableBy(CompletableByRule.Administrators) }),
        ],
    };

    private static StageDraft Stage(string name, params StepDraft[] steps) => new() { Name = name, Steps = steps };

    private static StepDraft Step(string name, int weight, bool obligatory = false) =>
        new() { Name = name, Weight = weight, Obligatory = obligatory };
}
