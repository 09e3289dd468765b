using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using Switchboard.Server.Auth;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Realtime;

/// <summary>
/// Runs a long-lived stream over any <see cref="IStreamTransport"/>: admission, subscription, the start
/// position (or a reset), then the catch-up and live delivery, the shared heartbeat, the receiver and the single
/// writer until it ends.
/// </summary>
public sealed class StreamRunner(
    IEventBus bus, EventReader reader, EventPump pump, IStreamScopes scopes, StreamHeartbeat heartbeat, ConnectionLimiter limiter, RealtimeMetrics metrics, IPresenceTracker presence, CredentialWatch credentials,
    IOptions<RealtimeOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<StreamRunner> logger)
{
    public async Task RunAsync(HttpContext http, IStreamTransport transport, long? cursor)
    {
        using var lease = limiter.TryAcquire();
        if (lease is null)
        {
            await RefuseAsync(http, limiter, transport.Name, logger);
            return;
        }
        var caller = Caller.From(http.User);
        using var connection = new StreamConnection(transport.Name, caller, options.Value, metrics, clock, http.RequestAborted, lifetime.ApplicationStopping);
        using var watch = credentials.Watch(caller, () => connection.Close(DisconnectReasons.Revoked));
        // Subscribe before reading the start: whatever commits after that read also wakes this connection.
        using var subscription = bus.Subscribe(caller.WorkspaceId, connection);
        var (start, head) = await reader.StartAsync(subscription.Feed, cursor, http.RequestAborted);
        // After the start: a team change committed since is either in this scope or after the start, where it resets the stream.
        connection.Restrict(await scopes.ForAsync(caller, http.RequestAborted));
        await transport.OpenAsync(http.RequestAborted);
        metrics.Opened(transport.Name);
        // A member with an open stream counts as active (a dashboard left open is not idle).
        var member = caller.Kind == CallerKind.Member ? caller.MemberId : null;
        try
        {
            if (member is { } id) await presence.ConnectionOpenedAsync(caller.WorkspaceId, id, http.RequestAborted);
            connection.Position = start ?? cursor ?? head;
            RealtimeLog.Opened(logger, connection.Id, transport.Name, caller.WorkspaceId, connection.Position);
            if (start is null)
            {
                RealtimeLog.Reset(logger, connection.Id, connection.Position, caller.WorkspaceId);
                connection.Close(DisconnectReasons.Reset, head);
            }
            else connection.Follow(subscription.Feed, pump, logger);
            using var beat = heartbeat.Register(connection);
            // The receiver ends with the socket (or the close timeout), not with Stopping: it must see the close handshake through.
            var receiving = transport.ReceiveAsync(connection, connection.Writing);
            await WriteAsync(transport, connection);
            if (connection.Writing.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested) http.Abort();
            // The writer closed the connection on its way out, so no catch-up starts after this one.
            await Task.WhenAll(connection.CatchUp, receiving);
        }
        finally
        {
            var reason = connection.CloseReason ?? DisconnectReasons.ClientClosed;
            if (member is { } id) presence.ConnectionClosed(caller.WorkspaceId, id);
            metrics.Closed(transport.Name);
            RealtimeLog.Closed(logger, connection.Id, reason, connection.Position);
        }
    }

    /// <summary>The one writer: frames in queue order, a flush whenever the queue runs dry, then the last word.</summary>
    async Task WriteAsync(IStreamTransport transport, StreamConnection connection)
    {
        var token = connection.Writing;
        var frames = connection.Frames;
        try
        {
            while (await frames.WaitToReadAsync(token))
            {
                while (connection.CloseReason is null && frames.TryRead(out var frame))
                {
                    await transport.SendAsync(frame, token);
                    if (frame.Kind == FrameKind.Event) Sent(transport.Name, frame);
                }
                if (connection.CloseReason is not null) break;
                await transport.FlushAsync(token);
            }
            await transport.CloseAsync(connection.CloseReason ?? DisconnectReasons.ClientClosed, connection.ResetCursor, token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or WebSocketException or ObjectDisposedException)
        {
            // The client is gone or would not take the last frame in time: only this connection ends.
        }
        finally
        {
            connection.Close(DisconnectReasons.ClientClosed);
        }
    }

    void Sent(string transport, OutboundFrame frame)
    {
        metrics.Delivered(transport, 1);
        if (frame.LiveWrittenAtMs > 0) metrics.DeliveredLive(transport, TimeSpan.FromMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds() - frame.LiveWrittenAtMs));
    }

    public static Task RefuseAsync(HttpContext http, ConnectionLimiter limiter, string transport, ILogger logger)
    {
        RealtimeLog.Refused(logger, transport, limiter.Open, limiter.Limit);
        http.Response.Headers.RetryAfter = "5";
        return Problems.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, RealtimeErrors.TooManyConnections,
            "This server has as many open streams as it accepts. Retry later, or use another node.");
    }
}
