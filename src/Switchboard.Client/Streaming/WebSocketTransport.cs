using System.Globalization;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;

namespace Switchboard.Client.Streaming;

/// <summary>
/// WebSocket: <c>GET /api/v1/stream?cursor=N&amp;frames=batch</c>: the server sends the frames queued for this
/// connection together, one JSON frame per line of a message (JSON frames hold no raw newline), so a burst costs a
/// few WebSocket messages instead of one per event. <paramref name="connect"/> opens
/// the socket (so tests can use the test server's client); by default a <see cref="ClientWebSocket"/> with the bearer token.
/// </summary>
public sealed class WebSocketTransport(Uri serverBase, Func<Uri, CancellationToken, Task<WebSocket>> connect) : IFrameStreamTransport
{
    static readonly byte[] Pong = "{\"type\":\"pong\"}"u8.ToArray();

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
        await foreach (var frame in ReadFramesAsync(cursor, cancellationToken))
            if (StreamFrames.Parse(frame) is { } item) yield return item;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadFramesAsync(long cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scheme = serverBase.Scheme == "https" ? "wss" : "ws";
        var uri = new UriBuilder(serverBase) { Scheme = scheme, Path = "/api/v1/stream", Query = string.Create(CultureInfo.InvariantCulture, $"cursor={cursor}&frames=batch") }.Uri;
        using var socket = await connect(uri, cancellationToken);
        // Frames are small: one buffer that grows only for a rare large frame.
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                length += result.Count;
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
            if (result.MessageType == WebSocketMessageType.Close) yield break;
            ReadOnlyMemory<byte> rest = buffer.AsMemory(0, length);
            while (!rest.IsEmpty)
            {
                var end = rest.Span.IndexOf((byte)'\n');
                var frame = end < 0 ? rest : rest[..end];
                rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
                if (frame.IsEmpty) continue;
                if (StreamFrames.IsPing(frame.Span))
                {
                    await socket.SendAsync(Pong, WebSocketMessageType.Text, true, cancellationToken);
                    continue;
                }
                yield return frame;
            }
        }
    }
}
