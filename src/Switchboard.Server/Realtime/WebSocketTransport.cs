using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Realtime;

/// <summary>
/// WebSocket: one JSON text frame per event (the stored envelope as is) or signal. Protocol pings keep the
/// socket alive for non-browser clients; <c>{"type":"ping"}</c> frames do it for browsers, which cannot see them.
/// <paramref name="batched"/> (<c>?frames=batch</c>): the frames queued for the connection go out together, one per
/// line of a message, up to <see cref="BatchBytes"/> each, sent whenever the queue runs dry. A browser runs each
/// WebSocket message as a task of its own: a read receipt's thousands of status events as thousands of tasks kept the
/// page from drawing (docs/benchmarks.md §6); batched, they are a handful. A batch is built in a pooled buffer that
/// goes back to the pool once it is sent, so an idle connection holds none.
/// </summary>
public sealed class WebSocketTransport(HttpContext http, RealtimeOptions options, ClientFrameHandler handler, bool batched = false) : IStreamTransport
{
    /// <summary>The size at which a batch goes out without waiting for the queue to run dry.</summary>
    public const int BatchBytes = 64 * 1024;
    byte[]? batch;
    int batchLength;
    /// <summary>"Try again later" (RFC 6455 registry): the server shed this client; reconnect with the cursor.</summary>
    const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;
    WebSocket? socket;

    public string Name => "websocket";

    WebSocket Socket => socket ?? throw new InvalidOperationException("The WebSocket is not open yet.");

    public async Task OpenAsync(CancellationToken cancellationToken) =>
        socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = options.HeartbeatInterval,
            KeepAliveTimeout = options.HeartbeatInterval * 2,
        });

    public Task SendAsync(OutboundFrame frame, CancellationToken cancellationToken)
    {
        if (!batched) return SendTextAsync(frame.Bytes, cancellationToken);
        var bytes = frame.Bytes.Span;
        var buffer = BatchRoom(bytes.Length + 1);
        // JSON never holds a raw line break, so one is the separator.
        if (batchLength > 0) buffer[batchLength++] = (byte)'\n';
        bytes.CopyTo(buffer.AsSpan(batchLength));
        batchLength += bytes.Length;
        return batchLength >= BatchBytes ? FlushAsync(cancellationToken) : Task.CompletedTask;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (batch is not { } buffer || batchLength == 0) return;
        await SendTextAsync(buffer.AsMemory(0, batchLength), cancellationToken);
        (batch, batchLength) = (null, 0);
        ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>The batch's buffer with room for <paramref name="bytes"/> more, rented (or grown) from the pool.</summary>
    byte[] BatchRoom(int bytes)
    {
        if (batch is { } current && current.Length - batchLength >= bytes) return current;
        // Doubling from 4 KiB: a batch is sent at BatchBytes, so it grows a handful of times at most.
        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(batchLength + bytes, 2 * (batch?.Length ?? 2048)));
        if (batch is { } old)
        {
            old.AsSpan(0, batchLength).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(old);
        }
        return batch = grown;
    }

    public async Task CloseAsync(string reason, long? resetCursor, CancellationToken cancellationToken)
    {
        if (Socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        await FlushAsync(cancellationToken);
        if (resetCursor is { } cursor)
            await SendTextAsync(JsonSerializer.SerializeToUtf8Bytes(new ResetFrame(cursor), JsonDefaults.Options), cancellationToken);
        var status = reason switch
        {
            DisconnectReasons.ClientClosed or DisconnectReasons.Reset or DisconnectReasons.ScopeChanged => WebSocketCloseStatus.NormalClosure,
            DisconnectReasons.Shutdown => WebSocketCloseStatus.EndpointUnavailable,
            DisconnectReasons.SlowConsumer => TryAgainLater,
            DisconnectReasons.FrameTooLarge => WebSocketCloseStatus.MessageTooBig,
            DisconnectReasons.Revoked => WebSocketCloseStatus.PolicyViolation,
            _ => WebSocketCloseStatus.InternalServerError,
        };
        await Socket.CloseOutputAsync(status, reason, cancellationToken);
    }

    public async Task ReceiveAsync(StreamConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                // Idle connections hold no read buffer: a zero-byte read waits for the next message without consuming
                // it, and a buffer is rented only while that message is read (thousands of idle dashboards each kept
                // a 4 KiB buffer before; docs/benchmarks.md §4).
                var next = await Socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken);
                if (next.MessageType == WebSocketMessageType.Close)
                {
                    connection.Close(DisconnectReasons.ClientClosed);
                    return;
                }
                if (next.EndOfMessage) continue; // an empty message: nothing to handle
                if (!await ReceiveMessageAsync(connection, cancellationToken)) return;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            connection.Close(DisconnectReasons.ClientClosed);
        }
    }

    /// <summary>Reads and handles one client message; false once the connection is closing.</summary>
    async Task<bool> ReceiveMessageAsync(StreamConnection connection, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(options.MaxClientFrameBytes);
        try
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == options.MaxClientFrameBytes)
                {
                    // The writer owns sending, so it is the one that closes (with 1009).
                    connection.Close(DisconnectReasons.FrameTooLarge);
                    return false;
                }
                result = await Socket.ReceiveAsync(buffer.AsMemory(length, options.MaxClientFrameBytes - length), cancellationToken);
                length += result.Count;
            } while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                connection.Close(DisconnectReasons.ClientClosed);
                return false;
            }
            if (connection.CloseReason is null && result.MessageType == WebSocketMessageType.Text)
                await handler.HandleAsync(connection, buffer.AsMemory(0, length), cancellationToken);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    Task SendTextAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken) =>
        Socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();
}
