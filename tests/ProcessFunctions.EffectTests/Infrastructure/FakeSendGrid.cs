using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProcessFunctions.EffectTests.Infrastructure;

/// <summary>One POST /v3/mail/send as the endpoint received it, and the status it answered.</summary>
public sealed record ReceivedMail(string To, string? Subject, string? Text, string? Html, string Authorization, int Status, JsonObject Body);

/// <summary>
/// Speaks SendGrid's v3 mail/send well enough for the real SendGrid client: records each request
/// and answers 202, or the scripted statuses in order (429 with Retry-After: 1, 400 with SendGrid's
/// error body, 401, 500), or a fixed status for one address.
/// </summary>
public sealed class FakeSendGrid : LocalEndpoint
{
    private readonly ConcurrentQueue<int> _script = new();
    private readonly ConcurrentDictionary<string, int> _byAddress = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<ReceivedMail> _received = new();

    public int? AlwaysAnswer { get; set; }

    public IReadOnlyList<ReceivedMail> Received => _received.ToList();

    public IReadOnlyList<ReceivedMail> Accepted => _received.Where(mail => mail.Status == 202).ToList();

    public static async Task<FakeSendGrid> StartNewAsync()
    {
        var endpoint = new FakeSendGrid();
        await endpoint.StartAsync(app => app.MapPost("/v3/mail/send", endpoint.HandleAsync));
        return endpoint;
    }

    public void Script(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(status);
        }
    }

    public void AnswerFor(string address, int status) => _byAddress[address] = status;

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var to = (string)body["personalizations"]![0]!["to"]![0]!["email"]!;
        var status = _script.TryDequeue(out var scripted) ? scripted
            : AlwaysAnswer ?? (_byAddress.TryGetValue(to, out var fixedStatus) ? fixedStatus : 202);
        var content = body["content"]?.AsArray();
        _received.Enqueue(new ReceivedMail(
            to,
            (string?)body["subject"],
            (string?)content?.FirstOrDefault(part => (string?)part!["type"] == "text/plain")?["value"],
            (string?)content?.FirstOrDefault(part => (string?)part!["type"] == "text/html")?["value"],
            context.Request.Headers.Authorization.ToString(),
            status,
            body));

        context.Response.StatusCode = status;
        if (status == 429)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        if (status == 202)
        {
            context.Response.Headers["X-Message-Id"] = Guid.NewGuid().ToString("N");
            return;
        }

        await context.Response.WriteAsJsonAsync(new
        {
            errors = new[] { new { message = status == 400 ? "Does not contain a valid address." : "Failed.", field = "personalizations.0.to.0.email" } },
        });
    }
}
