using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Effects;
using ProcessFunctions.IntegrationTests.Infrastructure;
using ProcessFunctions.Storage;
using ProcessFunctions.Storage.Outbox;

namespace ProcessFunctions.IntegrationTests.Deals;

/// <summary>
/// The deal write and its effect message commit together; the queue send after it may be lost
/// to a crash or an outage, and the outbox sweep sends the message later under the same id.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class OutboxTests(AzuriteFixture azurite) : DealTest(azurite)
{
    [Fact]
    public async Task SweepOnce_AfterCrashBetweenWriteAndSend_SendsTheOutboxMessageWithItsId()
    {
        var (account, dealId, stepId) = await DealAsync();
        var row = await CrashWhileCompletingAsync(account, dealId, stepId);
        var messageId = MessageOf(row).Id();

        var sent = await Service<OutboxSweeper>().SweepOnceAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.True(sent >= 1, $"The sweep sent {sent} messages.");
        var delivered = (await StepEffectsQueue.DrainAsync()).Where(m => m.Id() == messageId).ToList();
        var message = Assert.Single(delivered);
        Assert.Equal("deal.step_completed", (string?)message["type"]);
        Assert.Equal(stepId, (string?)message["stepId"]);
        Assert.True(JsonNode.DeepEquals(MessageOf(row), message), $"Sent {message.ToJsonString()}");
        Assert.DoesNotContain(await OutboxRowsAsync(account.Id), r => r.RowKey == row.RowKey);
    }

    [Fact]
    public async Task SweepOnce_WhenTheSentRowWasNotCleanedUp_SendsTheSameIdAgain()
    {
        var (account, dealId, stepId) = await DealAsync();
        var row = await CrashWhileCompletingAsync(account, dealId, stepId);
        var sweeper = Service<OutboxSweeper>();
        await sweeper.SweepOnceAsync(TimeSpan.Zero, CancellationToken.None);

        // The row's deletion is lost, as when the instance stops right after sending.
        await DealsTable.AddEntityAsync(row);
        await sweeper.SweepOnceAsync(TimeSpan.Zero, CancellationToken.None);

        var messageId = MessageOf(row).Id();
        var copies = (await StepEffectsQueue.DrainAsync()).Where(m => m.Id() == messageId).ToList();
        Assert.Equal(2, copies.Count);
        Assert.True(JsonNode.DeepEquals(copies[0], copies[1]), "The copies differ.");
    }

    [Fact]
    public async Task CompleteStep_WhileTheQueueIsGone_Returns201AndTheSweepDeliversLater()
    {
        var (account, dealId, stepId) = await DealAsync();
        var queue = StepEffectsQueue;
        await queue.DeleteAsync();

        using var response = await Api.CompleteAsync(account.AdministratorKey, dealId, stepId);

        await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        await queue.CreateAsync();
        var row = Assert.Single(await OutboxRowsAsync(account.Id), r => (string?)MessageOf(r)["stepId"] == stepId);
        Assert.Empty(await queue.DrainAsync());
        await Service<OutboxSweeper>().SweepOnceAsync(TimeSpan.Zero, CancellationToken.None);
        var delivered = await queue.DrainAsync();
        Assert.Contains(delivered, m => m.Id() == MessageOf(row).Id() && (string?)m["stepId"] == stepId);
    }

    [Fact]
    public async Task CompleteStep_OnWarmInstance_TakesOnePointReadOneBatchAndOneQueueSend()
    {
        // The request runs in the test's execution context, so the scope sees its storage requests.
        Factory.Server.PreserveExecutionContext = true;
        var (account, dealId, stepId) = await DealAsync();
        await Api.CompleteOkAsync(account.AdministratorKey, dealId, stepId);
        var next = ApiClient.Text((await Api.GetDealAsync(account.AdministratorKey, dealId))["steps"]![1]!["stepId"]);

        IReadOnlyList<string> requests;
        using (var scope = StorageRequestCounter.BeginScope())
        {
            using var response = await Api.CompleteAsync(account.AdministratorKey, dealId, next);
            await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
            requests = scope.Requests;
        }

        Assert.Equal(["deal point read", "entity-group transaction", "queue send"], requests.Select(Classify));
    }

    private async Task<(TestAccount Account, string DealId, string StepId)> DealAsync()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var dealId = await Api.CreateDealIdAsync(account.AdministratorKey, new { title = "Pumps" });
        return (account, dealId, process.StepId(0, 0));
    }

    /// <summary>Completes the step with a service that dies between the deal write and the queue send.</summary>
    private async Task<TableEntity> CrashWhileCompletingAsync(TestAccount account, string dealId, string stepId)
    {
        await StepEffectsQueue.DrainAsync();
        var crashing = ActivatorUtilities.CreateInstance<DealService>(
            Services, new CrashBeforeSend(Service<IOutboxDispatcher>()));
        var caller = new Caller(account.Id, account.AdministratorId, MemberRole.Administrator, "key_crash");

        await Assert.ThrowsAsync<InvalidOperationException>(() => crashing.CompleteAsync(
            caller, dealId, stepId, new CompletionRequest(), CancellationToken.None));

        var deal = await Api.GetDealAsync(account.AdministratorKey, dealId);
        Assert.True((bool?)deal["steps"]![0]!["completed"], "The completion was not written.");
        Assert.Empty(await StepEffectsQueue.DrainAsync());
        return Assert.Single(await OutboxRowsAsync(account.Id), r => (string?)MessageOf(r)["stepId"] == stepId);
    }

    private async Task<List<TableEntity>> OutboxRowsAsync(string accountId)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {accountId} and RowKey ge {"outbox|"} and RowKey lt {"outbox|\uffff"}");
        var rows = new List<TableEntity>();
        await foreach (var row in DealsTable.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static JsonObject MessageOf(TableEntity row) => JsonNode.Parse(row.GetString("Message"))!.AsObject();

    /// <summary>Names a recorded request ("METHOD host:port/path") by what it does.</summary>
    private string Classify(string request)
    {
        var method = request[..request.IndexOf(' ', StringComparison.Ordinal)];
        var path = request[request.IndexOf('/', StringComparison.Ordinal)..];
        var queue = (NamePrefix + "step-effects").ToLowerInvariant();
        if (method == "GET" && path.Contains($"/{NamePrefix}deals(PartitionKey=", StringComparison.Ordinal))
        {
            return "deal point read";
        }

        if (method == "POST" && path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            return "entity-group transaction";
        }

        return method == "POST" && path.EndsWith($"/{queue}/messages", StringComparison.Ordinal)
            ? "queue send"
            : request;
    }

    /// <summary>Stands in for a crash: the deal write has committed, the process dies before the queue send.</summary>
    private sealed class CrashBeforeSend(IOutboxDispatcher inner) : IOutboxDispatcher
    {
        public Task DispatchAsync(
            string accountId, IReadOnlyList<EffectMessage> messages, CancellationToken cancellationToken) =>
            messages.Count > 0
                ? throw new InvalidOperationException("Simulated crash between the deal write and the queue send.")
                : inner.DispatchAsync(accountId, messages, cancellationToken);
    }
}
