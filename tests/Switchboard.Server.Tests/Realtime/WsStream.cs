using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>A WebSocket stream client over the in-memory test server.</summary>
public sealed class WsStream(WebSocket socket) : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public WebSocket Socket => socket;

    public static async Task<WsStream> ConnectAsync(TestApp app, string token, long? cursor)
    {
        var client = app.Server.CreateWebSocketClient();
        client.ConfigureRequest = r => r.Headers.Authorization = "Bearer " + token;
        var query = cursor is { } c ? $"?cursor={c}" : "";
        var socket = await client.ConnectAsync(new Uri(app.Server.BaseAddress, "api/v1/stream" + query), CancellationToken.None).WaitAsync(Wait);
        return new WsStream(socket);
    }

    /// <summary>The next text frame, or null when the server closed the socket.</summary>
    public async Task<StreamFrame?> NextAsync(TimeSpan? timeout = null)
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(timeout ?? Wait);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (result.EndOfMessage) return StreamFrame.Parse(text.ToString());
        }
    }

    /// <summary>The next durable event, skipping pings and signals; null when the server closed the socket.</summary>
    public async Task<StreamFrame?> NextEventAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var frame = await NextAsync(timeout);
            if (frame is null || frame.IsDurable || frame.Type == "reset") return frame;
        }
    }

    public Task SendAsync(string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None).WaitAsync(Wait);

    public async ValueTask DisposeAsync()
    {
        socket.Abort();
        socket.Dispose();
        await Task.CompletedTask;
    }
}
