namespace Switchboard.Server.Realtime;

/// <summary>
/// The wire of a long-lived stream (WebSocket or SSE). <see cref="StreamRunner"/> calls it from a single
/// writer task, so implementations need no locking.
/// </summary>
public interface IStreamTransport
{
    string Name { get; }

    /// <summary>Accepts the stream (upgrades, or sends the headers and <c>retry:</c>).</summary>
    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>Writes one frame; it may stay buffered until <see cref="FlushAsync"/>.</summary>
    Task SendAsync(OutboundFrame frame, CancellationToken cancellationToken);

    /// <summary>Called whenever the queue runs empty.</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Sends the last word (a reset, or a disconnect with its reason) and ends the stream.</summary>
    Task CloseAsync(string reason, long? resetCursor, CancellationToken cancellationToken);

    /// <summary>Reads what the client sends until it closes or <paramref name="cancellationToken"/> fires (nothing for SSE).</summary>
    Task ReceiveAsync(StreamConnection connection, CancellationToken cancellationToken);
}
