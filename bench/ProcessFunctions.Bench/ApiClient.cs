using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProcessFunctions.Bench;

/// <summary>The few API calls the bench needs, over real HTTP.</summary>
public sealed class ApiClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
    {
        BaseAddress = baseAddress,
    };

    public async Task<string> CreateAccountAsync(string provisioningKey)
    {
        var created = await SendAsync(HttpMethod.Post, "accounts", provisioningKey, new
        {
            name = "Bench Ltd",
            administrator = new { displayName = "Bench Admin", email = "admin@bench.example" },
        });
        return created["key"]!["key"]!.GetValue<string>();
    }

    public Task<JsonNode> SendAsync(HttpMethod method, string path, string key, object? body = null) =>
        SendAsync(method, path, key, body is null ? null : JsonContent.Create(body));

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, string key, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    /// <summary>One completion; the time measured is the whole HTTP round trip.</summary>
    public async Task CompleteAsync(string key, string dealId, string stepId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"deals/{dealId}/steps/{stepId}/completion");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await _http.SendAsync(request);
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException(
                $"Completion answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static string Id(JsonNode node) => node["id"]!.GetValue<string>();

    public static IEnumerable<string> StepIds(JsonNode deal) =>
        deal["steps"]!.AsArray().Select(step => step!["stepId"]!.GetValue<string>());

    public void Dispose() => _http.Dispose();

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
