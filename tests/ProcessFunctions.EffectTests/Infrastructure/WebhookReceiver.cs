using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProcessFunctions.EffectTests.Infrastructure;

/// <summary>One webhook request as received: its headers, its exact body and the status answered.</summary>
public sealed record ReceivedWebhook(IHeaderDictionary Headers, string Body, int Status);

/// <summary>A webhook receiver on a free loopback port: records every POST to /hooks, answers 200 or scripted statuses.</summary>
public sealed class WebhookReceiver : LocalEndpoint
{
    private readonly ConcurrentQueue<int> _script = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    public string Url => BaseUrl + "/hooks";

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    public static async Task<WebhookReceiver> StartNewAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAsync(app => app.MapPost("/hooks", receiver.HandleAsync));
        return receiver;
    }

    public void Script(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(status);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var status = _script.TryDequeue(out var scripted) ? scripted : 200;
        var headers = new HeaderDictionary();
        foreach (var (name, value) in context.Request.Headers)
        {
            headers[name] = value;
        }

        _received.Enqueue(new ReceivedWebhook(headers, body, status));
        context.Response.StatusCode = status;
    }
}
