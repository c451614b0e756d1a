using Azure;
using Azure.Data.Tables;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Effects;

namespace ProcessFunctions.Storage.Tables;

/// <summary>
/// Table "effects", one partition per account: the ledger of effects carried out per message
/// (a row per message and effect), the latest processing error of each message, and the list of
/// failed effects administrators read (newest first, each failure once).
/// </summary>
// TODO: ledger rows outlive their use (a queue message lives at most 7 days); prune rows older than that.
public sealed class EffectLedgerTableStore(StorageClients storage, TimeProvider clock) : IEffectLedger, IEffectFailureLog
{
    public const string TableName = "effects";
    private const string LedgerPrefix = "ledger|";
    private const string ErrorPrefix = "error|";
    private const string FailurePrefix = "failure|";
    private const string FailureIdPrefix = "failure-id|";

    private readonly TableClient _table = storage.Table(TableName);

    public async Task<ClaimOutcome> ClaimAsync(
        string accountId, string messageId, string effect, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = new TableEntity(accountId, LedgerRow(messageId, effect))
        {
            ["State"] = nameof(LedgerState.Claimed), ["ClaimedUntil"] = now + lease, ["UpdatedAt"] = now,
        };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken);
            return ClaimOutcome.Acquired;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded before: settled, held by a live claim, or left by a holder that crashed.
        }

        var existing = (await _table.GetEntityAsync<TableEntity>(accountId, row.RowKey, cancellationToken: cancellationToken)).Value;
        if (existing.GetEnum("State", LedgerState.Claimed) != LedgerState.Claimed)
        {
            return ClaimOutcome.AlreadySettled;
        }

        if (existing.GetDateTimeOffset("ClaimedUntil") > now)
        {
            return ClaimOutcome.InFlight;
        }

        try
        {
            await _table.UpdateEntityAsync(row, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            return ClaimOutcome.Acquired;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return ClaimOutcome.InFlight;
        }
    }

    public Task CompleteAsync(
        string accountId, string messageId, string effect, string? detail, CancellationToken cancellationToken) =>
        SettleAsync(accountId, messageId, effect, LedgerState.Done, detail, cancellationToken);

    public Task FailAsync(
        string accountId, string messageId, string effect, string detail, CancellationToken cancellationToken) =>
        SettleAsync(accountId, messageId, effect, LedgerState.Failed, detail, cancellationToken);

    public async Task ReleaseAsync(string accountId, string messageId, string effect, CancellationToken cancellationToken)
    {
        var row = new TableEntity(accountId, LedgerRow(messageId, effect)) { ["ClaimedUntil"] = DateTimeOffset.UnixEpoch };
        await _table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(string accountId, string messageId, CancellationToken cancellationToken)
    {
        var prefix = $"{LedgerPrefix}{messageId}|";
        var entries = new List<LedgerEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TablePaging.StartsWith(accountId, prefix), cancellationToken: cancellationToken))
        {
            entries.Add(new LedgerEntry(messageId, row.RowKey[prefix.Length..], row.GetEnum("State", LedgerState.Claimed),
                row.GetString("Detail"), row.GetDateTimeOffset("UpdatedAt") ?? row.Timestamp ?? default));
        }

        return entries;
    }

    public async Task RecordErrorAsync(string accountId, string messageId, string error, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(new TableEntity(accountId, ErrorPrefix + messageId)
        {
            ["Error"] = Truncate(error), ["At"] = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<string?> FindErrorAsync(string accountId, string messageId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            accountId, ErrorPrefix + messageId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value?.GetString("Error") : null;
    }

    public async Task AddAsync(string accountId, EffectFailure failure, CancellationToken cancellationToken)
    {
        var row = new TableEntity(accountId, $"{FailurePrefix}{TableEntities.NewestFirst(failure.At)}|{failure.Id}")
        {
            ["Kind"] = failure.Kind.ToString(),
            ["At"] = failure.At,
            ["MessageId"] = failure.MessageId,
            ["EventType"] = failure.EventType,
            ["DealId"] = failure.DealId,
            ["StepId"] = failure.StepId,
            ["MemberId"] = failure.MemberId,
            ["Detail"] = Truncate(failure.Detail),
        };

        // The id row makes a repeated record of the same failure a no-op.
        var actions = new[]
        {
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(accountId, FailureIdPrefix + failure.Id)),
            new TableTransactionAction(TableTransactionActionType.Add, row),
        };
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
        }
    }

    public Task<Domain.Common.Page<EffectFailure>> ListAsync(
        string accountId, PageRequest page, CancellationToken cancellationToken) =>
        TablePaging.PageAsync<TableEntity, EffectFailure>(
            _table, TablePaging.StartsWith(accountId, FailurePrefix), page, row => new EffectFailure(
                row.RowKey[(row.RowKey.LastIndexOf('|') + 1)..],
                row.GetEnum("Kind", FailureKind.MessagePoisoned),
                row.GetDateTimeOffset("At")!.Value,
                row.GetString("MessageId"),
                row.GetString("EventType"),
                row.GetString("DealId"),
                row.GetString("StepId"),
                row.GetString("MemberId"),
                row.GetString("Detail")),
            cancellationToken);

    private async Task SettleAsync(
        string accountId, string messageId, string effect, LedgerState state, string? detail,
        CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(new TableEntity(accountId, LedgerRow(messageId, effect))
        {
            ["State"] = state.ToString(), ["Detail"] = detail is null ? null : Truncate(detail), ["UpdatedAt"] = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);

    private static string LedgerRow(string messageId, string effect) => $"{LedgerPrefix}{messageId}|{effect}";

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
