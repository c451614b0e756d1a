using System.Buffers.Text;
using System.Text;
using Azure;
using Azure.Data.Tables;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Storage.Tables;

/// <summary>Turns Table continuation tokens into opaque API cursors and back.</summary>
public static class TablePaging
{
    public static async Task<Domain.Common.Page<TOut>> PageAsync<TEntity, TOut>(
        TableClient table,
        string filter,
        PageRequest page,
        Func<TEntity, TOut> map,
        CancellationToken cancellationToken,
        IEnumerable<string>? select = null)
        where TEntity : class, ITableEntity, new()
    {
        var token = Decode(page.Cursor);
        try
        {
            await foreach (var result in table.QueryAsync<TEntity>(filter, page.Limit, select, cancellationToken)
                .AsPages(token, page.Limit))
            {
                return new Domain.Common.Page<TOut>(result.Values.Select(map).ToList(), Encode(result.ContinuationToken));
            }
        }
        catch (RequestFailedException e) when (e.Status == 400 && token is not null)
        {
            throw new InvalidCursorException();
        }

        return new Domain.Common.Page<TOut>([], null);
    }

    /// <summary>A row-key range filter: every key that starts with <paramref name="prefix"/>.</summary>
    public static string StartsWith(string partitionKey, string prefix) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {prefix + '\uffff'}");

    private static string? Encode(string? token) =>
        token is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw new InvalidCursorException();
        }
    }
}

/// <summary>A cursor that this API did not issue; the edge answers 400 with the field named.</summary>
public sealed class InvalidCursorException() : Exception("The cursor was not issued by this API.");
