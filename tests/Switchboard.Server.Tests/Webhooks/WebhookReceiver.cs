using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.Server.Tests.Webhooks;

/// <summary>A real HTTP endpoint on 127.0.0.1 (Kestrel, dynamic port) that records webhook requests and answers with scripted statuses.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentQueue<int> statuses = new();
    readonly Lock gate = new();
    readonly List<Received> received = [];
    TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public sealed record Received(IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredWith);

    WebhookReceiver(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver.app.MapPost("/hook", receiver.HandleAsync);
        await receiver.app.StartAsync();
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = $"{address}/hook";
        return receiver;
    }

    /// <summary>The next requests are answered with these statuses (then 200).</summary>
    public void AnswerWith(params int[] codes)
    {
        foreach (var code in codes) statuses.Enqueue(code);
    }

    public IReadOnlyList<Received> Requests
    {
        get { lock (gate) return received.ToList(); }
    }

    public async Task<Received> WaitForAsync(int count)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (received.Count >= count) return received[count - 1];
                next = arrived.Task;
            }
            await next.WaitAsync(cts.Token);
        }
    }

    async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var status = statuses.TryDequeue(out var s) ? s : 200;
        lock (gate)
        {
            received.Add(new Received(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, status));
            arrived.TrySetResult();
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
