namespace Switchboard.Client.Streaming;

/// <summary>
/// A transport that can also hand out each frame's raw UTF-8 JSON, before parsing: for consumers that only
/// need a frame's header (<see cref="FrameHeader"/>) and must not pay for a full parse, such as load generators.
/// </summary>
public interface IFrameStreamTransport : IEventStreamTransport
{
    /// <summary>
    /// Streams the raw frames after <paramref name="cursor"/> (pings already answered and left out). Each frame's
    /// memory is valid only until the enumerator moves on.
    /// </summary>
    IAsyncEnumerable<ReadOnlyMemory<byte>> ReadFramesAsync(long cursor, CancellationToken cancellationToken);
}
