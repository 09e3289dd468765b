using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Webhooks;

/// <summary>A real HTTP endpoint on 127.0.0.1 (Kestrel, dynamic port) that records webhook requests and answers with scripted statuses.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly ConcurrentQueue<int> statuses = new();
    readonly RequestLog<Received> received = new(TimeSpan.FromSeconds(10));
    LoopbackServer server = null!;

    public sealed record Received(IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredWith);

    WebhookReceiver()
    {
    }

    public string Url => server.Url("/hook");

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver.server = await LoopbackServer.StartAsync(routes => routes.MapPost("/hook", receiver.HandleAsync));
        return receiver;
    }

    /// <summary>The next requests are answered with these statuses (then 200).</summary>
    public void AnswerWith(params int[] codes)
    {
        foreach (var code in codes) statuses.Enqueue(code);
    }

    public IReadOnlyList<Received> Requests => received.Items;

    public Task<Received> WaitForAsync(int count) => received.WaitForAsync(count);

    async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var status = statuses.TryDequeue(out var s) ? s : 200;
        received.Add(new Received(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, status));
        return Results.StatusCode(status);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
