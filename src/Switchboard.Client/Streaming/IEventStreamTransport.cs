namespace Switchboard.Client.Streaming;

/// <summary>
/// One connection of the event stream, from a cursor on. It ends when the connection ends; the
/// <c>LiveStore</c> reconnects from its own cursor, so a transport never has to remember anything.
/// </summary>
public interface IEventStreamTransport
{
    /// <summary>Transport name: <c>websocket</c>, <c>sse</c> or <c>poll</c>.</summary>
    string Name { get; }

    /// <summary>Streams everything after <paramref name="cursor"/> until the connection ends or is cancelled.</summary>
    IAsyncEnumerable<StreamItem> ReadAsync(long cursor, CancellationToken cancellationToken);
}
