using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;

namespace ProcessFunctions.IntegrationTests.Infrastructure;

/// <summary>Deal calls as a client makes them, asserting the expected status and returning the body.</summary>
public static class DealHelpers
{
    public static async Task<JsonObject> CreateDealAsync(this ApiClient api, string key, object body)
    {
        using var response = await api.SendAsync(HttpMethod.Post, "deals", key, body);

        return await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
    }

    public static async Task<string> CreateDealIdAsync(this ApiClient api, string key, object body) =>
        ApiClient.Text((await api.CreateDealAsync(key, body))["id"]);

    public static async Task<JsonObject> GetDealAsync(this ApiClient api, string key, string dealId)
    {
        using var response = await api.GetAsync($"deals/{dealId}", key);

        return await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> CompleteAsync(
        this ApiClient api, string key, string dealId, string stepId, object? body = null) =>
        api.SendAsync(HttpMethod.Post, $"deals/{dealId}/steps/{stepId}/completion", key, body ?? new { });

    public static async Task<JsonObject> CompleteOkAsync(
        this ApiClient api, string key, string dealId, string stepId, object? body = null)
    {
        using var response = await api.CompleteAsync(key, dealId, stepId, body);

        return await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
    }

    public static Task<JsonObject> LoseOkAsync(this ApiClient api, string key, string dealId, string reason) =>
        api.ExpectAsync(HttpMethod.Post, $"deals/{dealId}/lose", key, HttpStatusCode.OK, new { reason });

    /// <summary>Sends a request that must answer <paramref name="expected"/> and returns its body.</summary>
    public static async Task<JsonObject> ExpectAsync(
        this ApiClient api, HttpMethod method, string path, string key, HttpStatusCode expected, object? body = null)
    {
        using var response = await api.SendAsync(method, path, key, body);

        return await ApiAssert.StatusAsync(response, expected);
    }

    /// <summary>Sends JSON with an Idempotency-Key header.</summary>
    public static async Task<HttpResponseMessage> SendIdempotentAsync(
        this ApiClient api, HttpMethod method, string path, string key, string idempotencyKey, object body)
    {
        using var request = new HttpRequestMessage(method, "/api/" + path) { Content = ApiClient.Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);

        return await api.Http.SendAsync(request);
    }

    /// <summary>Uploads raw bytes as a deal file.</summary>
    public static async Task<HttpResponseMessage> UploadFileAsync(
        this ApiClient api, string key, string dealId, byte[] content, string contentType, string? name = null)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var query = name is null ? "" : "?name=" + Uri.EscapeDataString(name);

        return await api.SendContentAsync(HttpMethod.Post, $"deals/{dealId}/files{query}", key, body);
    }

    /// <summary>Every item of every page of a list, following nextCursor with the given page size.</summary>
    public static async Task<List<JsonObject>> ListAllAsync(this ApiClient api, string path, string key, int limit)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        do
        {
            var query = $"{separator}limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var response = await api.GetAsync(path + query, key);
            var page = await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
            var pageItems = page["items"]!.AsArray().Select(item => item!.AsObject()).ToList();
            Assert.True(pageItems.Count <= limit, $"A page of {path} has {pageItems.Count} items, over {limit}.");
            items.AddRange(pageItems);
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        return items;
    }

    /// <summary>
    /// Takes every message now on the queue (each becomes invisible for a minute), decoded from
    /// base64 to JSON. Nothing else reads the queue while the test's queue runner is off.
    /// </summary>
    public static async Task<List<JsonObject>> DrainAsync(this QueueClient queue)
    {
        var messages = new List<JsonObject>();
        while (true)
        {
            var received = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
            if (received.Length == 0)
            {
                return messages;
            }

            messages.AddRange(received.Select(message => JsonNode.Parse(message.Body.ToString())!.AsObject()));
        }
    }

    public static IEnumerable<JsonObject> OfDeal(this IEnumerable<JsonObject> messages, string dealId) =>
        messages.Where(message => (string?)message["dealId"] == dealId);

    public static string Id(this JsonNode node) => ApiClient.Text(node["id"]);

    /// <summary>Polls for an asynchronous outcome with a bounded wait, instead of sleeping a guessed time.</summary>
    public static async Task<T> EventuallyAsync<T>(
        Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}

/// <summary>A clock the test moves by hand, for stays in stages and creation months that span days.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
