using System.Globalization;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Switchboard.Client.Streaming;

/// <summary>
/// WebSocket: <c>GET /api/v1/stream?cursor=N</c>, one JSON frame per message. <paramref name="connect"/> opens
/// the socket (so tests can use the test server's client); by default a <see cref="ClientWebSocket"/> with the bearer token.
/// </summary>
public sealed class WebSocketTransport(Uri serverBase, Func<Uri, CancellationToken, Task<WebSocket>> connect) : IEventStreamTransport
{
    /// <summary>A transport that connects with a <see cref="ClientWebSocket"/> sending <paramref name="token"/> as bearer.</summary>
    public WebSocketTransport(Uri serverBase, string token) : this(serverBase, async (uri, ct) =>
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        await socket.ConnectAsync(uri, ct);
        return socket;
    })
    {
    }

    /// <inheritdoc />
    public string Name => "websocket";

    /// <inheritdoc />
    public async IAsyncEnumerable<StreamItem> ReadAsync(long cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scheme = serverBase.Scheme == "https" ? "wss" : "ws";
        var uri = new UriBuilder(serverBase) { Scheme = scheme, Path = "/api/v1/stream", Query = string.Create(CultureInfo.InvariantCulture, $"cursor={cursor}") }.Uri;
        using var socket = await connect(uri, cancellationToken);
        var buffer = new byte[16 * 1024];
        var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) yield break;
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            if (StreamFrames.IsPing(text))
            {
                await socket.SendAsync("{\"type\":\"pong\"}"u8.ToArray(), WebSocketMessageType.Text, true, cancellationToken);
                continue;
            }
            if (StreamFrames.Parse(text) is { } item) yield return item;
        }
    }
}
