using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProcessFunctions.IntegrationTests.Infrastructure;

/// <summary>An account made through the API, with its first administrator's key.</summary>
public sealed record TestAccount(string Id, string AdministratorId, string AdministratorKey);

/// <summary>A member made through the API, with one key of theirs.</summary>
public sealed record TestMember(string Id, string Key, string KeyId);

/// <summary>Talks to the API as a client would: JSON over HTTP, a bearer key per call.</summary>
public sealed class ApiClient(HttpClient http, string provisioningKey)
{
    public HttpClient Http => http;

    public string ProvisioningKey => provisioningKey;

    public Task<HttpResponseMessage> GetAsync(string path, string? key) => SendAsync(HttpMethod.Get, path, key);

    /// <summary>
    /// Sends <paramref name="body"/> as JSON: a string as it is (so malformed JSON can be sent),
    /// a <see cref="JsonNode"/> or any other object serialized with the web defaults.
    /// </summary>
    public Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? key, object? body = null, string? ifMatch = null) =>
        SendContentAsync(method, path, key, body is null ? null : Json(body), ifMatch);

    public async Task<HttpResponseMessage> SendContentAsync(
        HttpMethod method, string path, string? key, HttpContent? content, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, "/api/" + path) { Content = content };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await http.SendAsync(request);
    }

    public static StringContent Json(object body)
    {
        var text = body switch
        {
            string raw => raw,
            JsonNode node => node.ToJsonString(),
            _ => JsonSerializer.Serialize(body, JsonSerializerOptions.Web),
        };
        return new StringContent(text, Encoding.UTF8, "application/json");
    }

    public async Task<TestAccount> CreateAccountAsync(string name = "Acme Industrial")
    {
        using var response = await SendAsync(HttpMethod.Post, "accounts", provisioningKey, new
        {
            name,
            administrator = new { displayName = "Anna Admin", email = "anna@acme.example" },
        });

        var created = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        return new TestAccount(
            Text(created["account"]!["id"]), Text(created["administrator"]!["id"]), Text(created["key"]!["key"]));
    }

    /// <summary>Adds a member with <paramref name="role"/> (user, manager or administrator) and a key.</summary>
    public async Task<TestMember> CreateMemberAsync(string administratorKey, string role, string? email = null)
    {
        using var response = await SendAsync(HttpMethod.Post, "members", administratorKey, new
        {
            displayName = $"A {role}",
            email = email ?? $"{role}-{Guid.NewGuid():N}@acme.example",
            role,
        });
        var member = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);

        return await CreateKeyAsync(administratorKey, Text(member["id"]));
    }

    public async Task<TestMember> CreateKeyAsync(string administratorKey, string memberId)
    {
        using var response = await SendAsync(
            HttpMethod.Post, $"members/{memberId}/keys", administratorKey, new { name = "Test key" });

        var key = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        return new TestMember(memberId, Text(key["key"]), Text(key["id"]));
    }

    public async Task<VersionedProcess> CreateProcessAsync(string administratorKey, object draft)
    {
        using var response = await SendAsync(HttpMethod.Post, "processes", administratorKey, draft);

        var process = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        return new VersionedProcess(process, ETagOf(response));
    }

    public async Task<VersionedProcess> GetProcessAsync(string key, string processId)
    {
        using var response = await GetAsync($"processes/{processId}", key);

        var process = await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
        return new VersionedProcess(process, ETagOf(response));
    }

    /// <summary>The item ids of every page of a list, following nextCursor with the given page size.</summary>
    public async Task<List<string>> ListAllIdsAsync(string path, string key, int limit)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var query = cursor is null ? $"?limit={limit}" : $"?limit={limit}&cursor={Uri.EscapeDataString(cursor)}";
            using var response = await GetAsync(path + query, key);
            var page = await ApiAssert.StatusAsync(response, HttpStatusCode.OK);
            ids.AddRange(page["items"]!.AsArray().Select(item => Text(item!["id"])));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        return ids;
    }

    public static string ETagOf(HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The response has no ETag.");

    public static string Text(JsonNode? node) =>
        node?.GetValue<string>() ?? throw new InvalidOperationException("Expected a string, got null.");
}

/// <summary>A process as the API returned it, with the ETag that guards its next change.</summary>
public sealed record VersionedProcess(JsonObject Body, string ETag)
{
    public string Id => ApiClient.Text(Body["id"]);

    public int Version => Body["version"]!.GetValue<int>();

    public JsonArray Stages => Body["stages"]!.AsArray();

    public string StageId(int index) => ApiClient.Text(Stages[index]!["id"]);

    public string StepId(int stage, int step) => ApiClient.Text(Stages[stage]!["steps"]![step]!["id"]);
}
