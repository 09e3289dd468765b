using System.Net.WebSockets;
using System.Text.Json;

namespace Switchboard.Bench.Baseline;

/// <summary>
/// The raw baseline: plain Kestrel with no storage, no auth and no log, speaking just enough of Switchboard's API
/// (post a message, WebSocket and SSE streams, health) for the same client code to measure it. It also echoes any
/// WebSocket frame a client sends, for a bare round-trip figure. Whatever Switchboard costs beyond this is its own.
/// With <c>--durable FILE</c> it is the durable baseline: every message is committed to SQLite before it is broadcast.
/// </summary>
public static class BaselineServer
{
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var durableFile = builder.Configuration["durable"];
        builder.WebHost.ConfigureKestrel(k => { k.Limits.MaxConcurrentConnections = null; k.Limits.MaxConcurrentUpgradedConnections = null; });
        builder.Services.AddSingleton(_ => new BaselineHub(string.IsNullOrEmpty(durableFile) ? null : new BaselineStore(durableFile)));
        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/healthz", () => "Healthy");
        app.MapGet("/api/v1/workspace", () => Results.Json(new { cursor = 0 }));
        app.MapPost("/api/v1/conversations/{id:long}/messages", PostAsync);
        app.MapGet("/api/v1/stream", StreamAsync);
        app.MapGet("/api/v1/events", EventsAsync);
        await app.RunAsync();
    }

    static async Task<IResult> PostAsync(long id, HttpContext http, BaselineHub hub)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var clientMessageId = body.RootElement.GetProperty("clientMessageId").GetString() ?? "";
        var text = body.RootElement.GetProperty("text").GetString() ?? "";
        var seq = hub.Publish(id, clientMessageId, text);
        return Results.Json(new { message = new { id = seq, conversationId = id, seq }, conversation = new { id }, seq }, statusCode: 201);
    }

    static async Task StreamAsync(HttpContext http, BaselineHub hub)
    {
        if (!http.WebSockets.IsWebSocketRequest) { http.Response.StatusCode = 400; return; }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new BaselineConnection(BaselineConnection.ConversationOf(http.Request.Headers.Authorization));
        var id = hub.Register(connection);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, connection.Closed.Token);
        var sendLock = new SemaphoreSlim(1);
        var echo = EchoAsync(socket, sendLock, stop);
        try
        {
            await foreach (var frame in connection.Frames.ReadAllAsync(stop.Token))
            {
                await sendLock.WaitAsync(stop.Token);
                try { await socket.SendAsync(frame.Json, WebSocketMessageType.Text, true, stop.Token); }
                finally { sendLock.Release(); }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client left or fell behind.
        }
        finally
        {
            hub.Unregister(id);
            await stop.CancelAsync();
            await echo;
        }
    }

    // Every frame a client sends comes straight back: the bare WebSocket round trip.
    static async Task EchoAsync(WebSocket socket, SemaphoreSlim sendLock, CancellationTokenSource stop)
    {
        var buffer = new byte[4096];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                await sendLock.WaitAsync(stop.Token);
                try { await socket.SendAsync(buffer.AsMemory(0, result.Count), WebSocketMessageType.Text, result.EndOfMessage, stop.Token); }
                finally { sendLock.Release(); }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closed.
        }
        await stop.CancelAsync();
    }

    static async Task EventsAsync(HttpContext http, BaselineHub hub)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var connection = new BaselineConnection(BaselineConnection.ConversationOf(http.Request.Headers.Authorization));
        var id = hub.Register(connection);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, connection.Closed.Token);
        try
        {
            await http.Response.Body.FlushAsync(stop.Token);
            await foreach (var frame in connection.Frames.ReadAllAsync(stop.Token))
            {
                await http.Response.Body.WriteAsync(frame.Sse, stop.Token);
                await http.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The client left or fell behind.
        }
        finally
        {
            hub.Unregister(id);
        }
    }
}
