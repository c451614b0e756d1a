using System.Text.Json.Nodes;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Effects;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.Domain.Statistics;
using ProcessFunctions.Domain.Tasks;
using ProcessFunctions.Domain.Webhooks;
using ProcessFunctions.Functions.Accounts;
using ProcessFunctions.Functions.Deals;
using ProcessFunctions.Functions.Effects;
using ProcessFunctions.Functions.Http;
using ProcessFunctions.Functions.Processes;
using ProcessFunctions.Functions.Tasks;
using ProcessFunctions.Functions.Webhooks;
using ProcessEndpoints = ProcessFunctions.Functions.Processes.ProcessFunctions;

namespace ProcessFunctions.Functions.OpenApi;

/// <summary>The body of <c>GET /api/health</c>, which the function writes as an anonymous object.</summary>
internal sealed record HealthReport(string Status, string Storage);

/// <summary>The body of <c>POST /api/statistics/rebuild</c>: how many deals were counted again.</summary>
internal sealed record StatisticsRebuilt(int Deals);

/// <summary>
/// The OpenAPI description of every HTTP function, by function name. A function missing here is
/// left out of the document and fails ApiDocsTests, which name it: describe each new route here.
/// </summary>
public static class ApiDescriptions
{
    private const string Accounts = "Accounts";
    private const string Members = "Members";
    private const string ProcessTag = "Processes";
    private const string Stages = "Stages and steps";
    private const string DealTag = "Deals";
    private const string Progress = "Deal progress";
    private const string Files = "Deal files";
    private const string StatisticsTag = "Statistics";
    private const string TaskTag = "Tasks";
    private const string WebhookTag = "Webhooks";
    private const string Service = "Service";

    private static readonly QueryParameter[] DealFilters =
    [
        new("processId", "Only deals of this process."),
        new("stageId", "Only deals standing in this stage."),
        new("status", "Only deals with this status.") { Values = ["open", "won", "lost"] },
        new("ownerId", "Only deals owned by this member."),
    ];

    private static readonly QueryParameter[] TaskFilters =
    [
        new("assigneeId", "Only tasks assigned to this member."),
        new("dealId", "Only tasks of this deal."),
        new("status", "Only open or only done tasks.") { Values = ["open", "done"] },
        new("dueBefore", "Only tasks due before this instant (ISO 8601).") { Format = "date-time" },
    ];

    /// <summary>
    /// PATCH fields where null clears the value. Optional&lt;T&gt; of a reference type reads null for
    /// any field; for the others the service answers 422, so only these are documented as nullable.
    /// </summary>
    public static IReadOnlyList<(Type Type, string Property)> ClearedByNull { get; } =
    [
        (typeof(DealPatch), "value"),
        (typeof(StepPatch), "followUpTask"),
    ];

    /// <summary>Every list answers <c>{ items, nextCursor }</c>.</summary>
    private static Type ListOf<T>() => typeof(Http.ListResponse<T>);

    private static readonly QueryParameter[] StatisticsFilters =
    [
        new("from", "Only deals created in or after this month.") { Pattern = Month },
        new("to", "Only deals created in or before this month.") { Pattern = Month },
        new("ownerId", "Only deals owned by this member."),
        new("currency", "Only values in this ISO 4217 currency.") { Pattern = "^[A-Z]{3}$" },
    ];

    private const string Month = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    public static IReadOnlyDictionary<string, ApiOperation> Operations { get; } = new Dictionary<string, ApiOperation>
    {
        [nameof(AccountFunctions.CreateAccount)] = new(Accounts, "Create an account", Access.Provisioning)
        {
            Description = "Creates a tenant account with its first administrator and returns that "
                + "administrator's API key, the only time its text is shown. For the platform operator: "
                + "the Functions master key in Azure (x-functions-key), a provisioning key elsewhere.",
            Body = typeof(CreateAccountRequest), Status = 201, Response = typeof(CreatedAccountResponse),
        },
        [nameof(AccountFunctions.GetMe)] = new(Accounts, "Who the caller is", Access.Member)
        {
            Description = "The account and the member the API key belongs to.",
            Response = typeof(MeResponse),
        },

        [nameof(MemberFunctions.ListMembers)] = new(Members, "List members", Access.Member)
        {
            Paged = true, Response = ListOf<MemberResponse>(),
        },
        [nameof(MemberFunctions.CreateMember)] = new(Members, "Add a member", Access.Administrator)
        {
            Body = typeof(CreateMemberRequest), Status = 201, Response = typeof(MemberResponse), Problems = [409],
        },
        [nameof(MemberFunctions.GetMember)] = new(Members, "Read a member and their keys", Access.Member)
        {
            Response = typeof(MemberResponse),
        },
        [nameof(MemberFunctions.UpdateMember)] = new(Members, "Change a member", Access.Administrator)
        {
            Description = "Changes only the fields present. The last administrator cannot be demoted.",
            Body = typeof(MemberPatch), Response = typeof(MemberResponse), Problems = [409],
        },
        [nameof(MemberFunctions.DeleteMember)] = new(Members, "Remove a member", Access.Administrator)
        {
            Description = "Removes the member and revokes their keys. The last administrator cannot be removed.",
            Status = 204, Problems = [409],
        },
        [nameof(MemberFunctions.CreateKey)] = new(Members, "Issue an API key", Access.Administrator)
        {
            Description = "The answer holds the key's text (pfk.<account>.<key>.<secret>), the only time it is shown.",
            Body = typeof(CreateKeyRequest), BodyOptional = true, Status = 201, Response = typeof(IssuedKey),
            Problems = [409],
        },
        [nameof(MemberFunctions.RevokeKey)] = new(Members, "Revoke an API key", Access.Administrator)
        {
            Status = 204,
        },

        [nameof(ProcessEndpoints.ListProcesses)] = new(ProcessTag, "List processes", Access.Member)
        {
            Paged = true, Response = ListOf<ProcessSummaryResponse>(),
        },
        [nameof(ProcessEndpoints.CreateProcess)] = new(ProcessTag, "Create a process", Access.Administrator)
        {
            Body = typeof(ProcessDraft), Status = 201, Response = typeof(ProcessResponse), ETag = true,
        },
        [nameof(ProcessEndpoints.GetProcess)] = new(ProcessTag, "Read a process", Access.Member)
        {
            Description = "The current version; its ETag is what If-Match of the next change must carry.",
            Response = typeof(ProcessResponse), ETag = true,
        },
        [nameof(ProcessEndpoints.ReplaceProcess)] = new(ProcessTag, "Replace a process", Access.Administrator)
        {
            Description = "Saves the whole process as the next version. Stages and steps sent with an id keep it.",
            Body = typeof(ProcessDraft), Response = typeof(ProcessResponse), ETag = true,
            IfMatch = IfMatchUse.Required, Problems = [409],
        },
        [nameof(ProcessEndpoints.ArchiveProcess)] = new(ProcessTag, "Archive a process", Access.Administrator)
        {
            Description = "Past versions stay readable; no new deal may use it. "
                + "The default process cannot be archived.",
            Response = typeof(ProcessResponse), ETag = true, IfMatch = IfMatchUse.Optional, Problems = [409],
        },
        [nameof(ProcessEndpoints.ListProcessVersions)] = new(
            ProcessTag, "List the versions of a process", Access.Member)
        {
            Paged = true, Response = ListOf<ProcessVersionInfo>(),
        },
        [nameof(ProcessEndpoints.GetProcessVersion)] = new(ProcessTag, "Read one version of a process", Access.Member)
        {
            Response = typeof(ProcessDefinition), ETag = true,
        },

        [nameof(StageFunctions.AddStage)] = new(Stages, "Add a stage", Access.Administrator)
        {
            Body = typeof(AddStageRequest), Status = 201, Response = typeof(ProcessResponse), ETag = true,
            IfMatch = IfMatchUse.Optional, Problems = [409],
        },
        [nameof(StageFunctions.RenameStage)] = new(Stages, "Rename a stage", Access.Administrator)
        {
            Body = typeof(RenameStageRequest), Response = typeof(ProcessResponse), ETag = true,
            IfMatch = IfMatchUse.Optional, Problems = [409],
        },
        [nameof(StageFunctions.DeleteStage)] = new(Stages, "Delete a stage", Access.Administrator)
        {
            Description = "A stage holding open deals is deleted only with moveDealsTo naming their new stage.",
            Query = [new("moveDealsTo", "The stage that receives the open deals of the deleted stage.")],
            Response = typeof(ProcessResponse), ETag = true, IfMatch = IfMatchUse.Optional, Problems = [409],
        },
        [nameof(StageFunctions.ReorderStages)] = new(Stages, "Reorder the stages", Access.Administrator)
        {
            Body = typeof(StageOrderRequest), Response = typeof(ProcessResponse), ETag = true,
            IfMatch = IfMatchUse.Optional, Problems = [409],
        },
        [nameof(StepFunctions.AddStep)] = new(Stages, "Add a step to a stage", Access.Administrator)
        {
            Body = typeof(AddStepRequest), Status = 201, Response = typeof(ProcessResponse), ETag = true,
            IfMatch = IfMatchUse.Optional, Problems = [409],
        },
        [nameof(StepFunctions.UpdateStep)] = new(Stages, "Change a step", Access.Administrator)
        {
            Description = "Changes only the fields present; another stageId moves the step to that stage.",
            Body = typeof(StepPatch), Response = typeof(ProcessResponse), ETag = true,
            IfMatch = IfMatchUse.Optional, Problems = [409],
        },
        [nameof(StepFunctions.DeleteStep)] = new(Stages, "Delete a step", Access.Administrator)
        {
            Response = typeof(ProcessResponse), ETag = true, IfMatch = IfMatchUse.Optional, Problems = [409],
        },
        [nameof(StepFunctions.ReorderSteps)] = new(Stages, "Reorder the steps of a stage", Access.Administrator)
        {
            Body = typeof(StepOrderRequest), Response = typeof(ProcessResponse), ETag = true,
            IfMatch = IfMatchUse.Optional, Problems = [409],
        },

        [nameof(DealFunctions.CreateDeal)] = new(DealTag, "Create a deal", Access.Member)
        {
            Body = typeof(CreateDealRequest), Status = 201, Response = typeof(DealView),
        },
        [nameof(DealFunctions.ListDeals)] = new(DealTag, "List deals", Access.Member)
        {
            Paged = true, Query = DealFilters, Response = ListOf<DealView>(),
        },
        [nameof(DealFunctions.GetDeal)] = new(DealTag, "Read a deal", Access.Member)
        {
            Response = typeof(DealView),
        },
        [nameof(DealFunctions.UpdateDeal)] = new(DealTag, "Change a deal", Access.Member)
        {
            Description = "Changes only the fields present: title, value, owner, attendees.",
            Body = typeof(DealPatch), Response = typeof(DealView),
        },
        [nameof(DealFunctions.DeleteDeal)] = new(DealTag, "Delete a deal", Access.Manager)
        {
            Status = 204,
        },
        [nameof(DealFunctions.MoveDeal)] = new(DealTag, "Move a deal to another stage", Access.Member)
        {
            Body = typeof(MoveStageRequest), Response = typeof(DealView), Problems = [409],
        },
        [nameof(DealFunctions.GetDealHistory)] = new(DealTag, "Read the history of a deal", Access.Member)
        {
            Paged = true, Response = ListOf<HistoryEntry>(),
        },

        [nameof(DealProgressFunctions.CompleteStep)] = new(Progress, "Complete a step of a deal", Access.Member)
        {
            Description = "The step's rules decide who may complete it and whether a note or file is required.",
            Body = typeof(CompletionRequest), BodyOptional = true, Status = 201, Response = typeof(CompletionView),
            Problems = [403, 409],
        },
        [nameof(DealProgressFunctions.UncompleteStep)] = new(Progress, "Uncheck a step of a deal", Access.Member)
        {
            Response = typeof(DealView), Problems = [403, 409],
        },
        [nameof(DealProgressFunctions.WinDeal)] = new(Progress, "Win a deal", Access.Member)
        {
            Description = "Needs every obligatory step completed.",
            Response = typeof(DealView), Problems = [409],
        },
        [nameof(DealProgressFunctions.LoseDeal)] = new(Progress, "Lose a deal", Access.Member)
        {
            Body = typeof(LoseRequest), Response = typeof(DealView), Problems = [409],
        },
        [nameof(DealProgressFunctions.ReopenDeal)] = new(Progress, "Reopen a won or lost deal", Access.Member)
        {
            Response = typeof(DealView), Problems = [409],
        },

        [nameof(DealFileFunctions.UploadDealFile)] = new(Files, "Upload a file to a deal", Access.Member)
        {
            Description = "The body is the file itself with its Content-Type, at most "
                + $"{DealRules.MaxFileBytes / (1024 * 1024)} MiB. Completions list the returned id in fileIds.",
            FileBody = true, Query = [new("name", "The file name.")], Status = 201, Response = typeof(DealFile),
            Problems = [409],
        },
        [nameof(DealFileFunctions.DownloadDealFile)] = new(Files, "Download a file of a deal", Access.Member)
        {
            ResponseMediaType = "*/*",
        },

        [nameof(StatisticsFunctions.GetProcessStatistics)] = new(
            StatisticsTag, "Pipeline statistics of a process", Access.Member)
        {
            Description = "Figures over the deals of the process selected by creation month (yyyy-MM) and owner. "
                + "Values are per currency and never converted.",
            Query = StatisticsFilters, Response = typeof(ProcessStatistics),
        },
        [nameof(StatisticsFunctions.RebuildStatistics)] = new(
            StatisticsTag, "Rebuild the statistics from the deals", Access.Administrator)
        {
            Description = "Recomputes the account's aggregates from its deals; for repair after an incident.",
            Response = typeof(StatisticsRebuilt),
        },

        [nameof(TaskFunctions.ListTasks)] = new(TaskTag, "List tasks", Access.Member)
        {
            Paged = true, Query = TaskFilters, Response = ListOf<SalesTask>(),
        },
        [nameof(TaskFunctions.CreateTask)] = new(TaskTag, "Create a task", Access.Member)
        {
            Body = typeof(CreateTaskRequest), Status = 201, Response = typeof(SalesTask), ETag = true,
        },
        [nameof(TaskFunctions.GetTask)] = new(TaskTag, "Read a task", Access.Member)
        {
            Response = typeof(SalesTask), ETag = true,
        },
        [nameof(TaskFunctions.UpdateTask)] = new(TaskTag, "Complete, reassign or reschedule a task", Access.Member)
        {
            Description = "Changes only the fields present: status \"done\" completes the task, assigneeId "
                + "reassigns it, dueAt reschedules it.",
            Body = typeof(TaskPatch), Response = typeof(SalesTask), ETag = true, IfMatch = IfMatchUse.Optional,
            Problems = [403, 409],
        },
        [nameof(TaskFunctions.DeleteTask)] = new(TaskTag, "Delete a task", Access.Member)
        {
            Status = 204, Problems = [403],
        },

        [nameof(WebhookFunctions.ListWebhooks)] = new(WebhookTag, "List webhooks", Access.Administrator)
        {
            Description = "All webhooks of the account in one page.",
            Response = ListOf<WebhookResponse>(),
        },
        [nameof(WebhookFunctions.CreateWebhook)] = new(WebhookTag, "Create a webhook", Access.Administrator)
        {
            Description = "Events: " + string.Join(", ", DealEvents.All) + ". Deliveries are signed as "
                + "Standard Webhooks with the returned secret, the only time it is shown.",
            Body = typeof(CreateWebhookRequest), Status = 201, Response = typeof(CreatedWebhookResponse),
            Problems = [409],
        },
        [nameof(WebhookFunctions.GetWebhook)] = new(WebhookTag, "Read a webhook", Access.Administrator)
        {
            Response = typeof(WebhookResponse),
        },
        [nameof(WebhookFunctions.DeleteWebhook)] = new(WebhookTag, "Delete a webhook", Access.Administrator)
        {
            Status = 204,
        },
        [nameof(WebhookFunctions.ListWebhookDeliveries)] = new(
            WebhookTag, "List recent deliveries of a webhook", Access.Administrator)
        {
            Description = $"The latest {WebhookService.DeliveriesListed} deliveries, in one page.",
            Response = ListOf<DeliveryResponse>(),
        },
        [nameof(EffectFailureFunctions.ListEffectFailures)] = new(
            WebhookTag, "List failed side effects", Access.Administrator)
        {
            Description = "Emails refused for a recipient and messages or webhook jobs that failed for good, "
                + "newest first.",
            Paged = true, Response = ListOf<EffectFailure>(),
        },

        [nameof(HealthFunction.Health)] = new(Service, "Liveness", Access.Anonymous)
        {
            Response = typeof(HealthReport), Alternatives = [(503, "Table storage does not answer.")],
        },
        [nameof(OpenApiFunctions.GetOpenApiDocument)] = new(Service, "This OpenAPI description", Access.Anonymous)
        {
            Response = typeof(JsonObject),
        },
        [nameof(OpenApiFunctions.GetApiReference)] = new(Service, "Interactive API reference", Access.Anonymous)
        {
            ResponseMediaType = "text/html",
        },
        [nameof(OpenApiFunctions.GetApiReferenceAsset)] = new(
            Service, "A script or image of the API reference", Access.Anonymous)
        {
            ResponseMediaType = "*/*",
        },
    };
}
