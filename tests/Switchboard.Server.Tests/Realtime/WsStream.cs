using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>A WebSocket stream client over the in-memory test server.</summary>
public sealed class WsStream(WebSocket socket) : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(15); // bounded wait for an expected frame; generous for a loaded 2-core CI machine

    public WebSocket Socket => socket;

    public static async Task<WsStream> ConnectAsync(TestApp app, string token, long? cursor, bool batched = false)
    {
        var client = app.Server.CreateWebSocketClient();
        client.ConfigureRequest = r => r.Headers.Authorization = "Bearer " + token;
        var query = (cursor is { } c ? $"?cursor={c}" : "") + (batched ? (cursor is null ? "?" : "&") + "frames=batch" : "");
        var socket = await client.ConnectAsync(new Uri(app.Server.BaseAddress, "api/v1/stream" + query), CancellationToken.None).WaitAsync(Wait);
        return new WsStream(socket);
    }

    /// <summary>The next text frame, or null when the server closed the socket.</summary>
    public async Task<StreamFrame?> NextAsync(TimeSpan? timeout = null) =>
        await NextMessageAsync(timeout) is { } text ? StreamFrame.Parse(text) : null;

    /// <summary>The next whole text message (a batched stream's holds one frame per line), or null when the server closed the socket.</summary>
    public async Task<string?> NextMessageAsync(TimeSpan? timeout = null)
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(timeout ?? Wait);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (result.EndOfMessage) return text.ToString();
        }
    }

    /// <summary>The next durable event (or reset, or cursor advance), skipping pings and signals; null when the server closed the socket.</summary>
    public async Task<StreamFrame?> NextEventAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var frame = await NextAsync(timeout);
            if (frame is null || frame.IsDurable || frame.Type is "reset" or "cursor") return frame;
        }
    }

    /// <summary>
    /// The next frame that is not a ping, a cursor advance or a <c>member.updated</c> (presence writes one whenever a
    /// member connects or is active, at times a test does not control): signals, errors and the other events.
    /// </summary>
    public async Task<StreamFrame?> NextMeaningfulAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var frame = await NextAsync(timeout);
            // Presence signals come and go with every connection of a member; tests about other frames skip them.
            if (frame is null || frame.Type is not ("ping" or "cursor" or "member.updated" or "presence")) return frame;
        }
    }

    public Task SendAsync(string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None).WaitAsync(Wait);

    /// <summary>
    /// Closes politely when the socket is still open (the in-memory test server does not tell the server about an
    /// abort, which would then wait out its close timeout at shutdown), then releases it. Call
    /// <c>Socket.Abort()</c> first to drop the connection without a word.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));
            }
            catch (Exception ex) when (ex is WebSocketException or TimeoutException or ObjectDisposedException)
            {
                // Best effort: the socket is released below either way.
            }
        }
        socket.Abort();
        socket.Dispose();
    }
}
