namespace Switchboard.Server.Realtime;

/// <summary>Bound from the <c>Realtime</c> section. Tests shorten the waits and shrink the queues.</summary>
public sealed class RealtimeOptions
{
    /// <summary>Recent events kept in memory per workspace; clients further behind read the log.</summary>
    public int RingCapacity { get; set; } = 4096;
    /// <summary>Frames a connection may have waiting; a live client that lets it fill is disconnected.</summary>
    public int QueueCapacity { get; set; } = 1024;
    /// <summary>Events read from the log per query while catching up.</summary>
    public int PageSize { get; set; } = 500;
    /// <summary>How long a catching-up client may leave its full queue unread before it is disconnected.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a closing connection may take to flush its last frame before it is aborted.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>WebSocket <c>ping</c> frames and SSE <c>: ping</c> comments keep proxies from closing idle streams.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>How long a long-poll waits for events before answering with an empty batch.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(25);
    /// <summary>The reconnect delay SSE clients are told with <c>retry:</c>.</summary>
    public TimeSpan SseRetry { get; set; } = TimeSpan.FromSeconds(3);
    /// <summary>
    /// Open streams (all transports) per process; more are refused with 503. Unset, it is derived from the open-files
    /// limit (see <see cref="ConnectionLimiter"/>); set, it is still never allowed above that.
    /// </summary>
    public int? MaxConnections { get; set; }
    /// <summary>Client signals (typing, read) per connection and second; excess is dropped.</summary>
    public double SignalsPerSecond { get; set; } = 3;
    public int SignalBurst { get; set; } = 5;
    /// <summary>The largest frame a WebSocket client may send.</summary>
    public int MaxClientFrameBytes { get; set; } = 4096;

    public bool IsValid() =>
        RingCapacity >= 16 && QueueCapacity >= 4 && PageSize is >= 1 and <= 5000 && MaxConnections is null or >= 1
        && StallTimeout > TimeSpan.Zero && CloseTimeout > TimeSpan.Zero && HeartbeatInterval > TimeSpan.Zero
        && PollTimeout > TimeSpan.Zero && SseRetry >= TimeSpan.Zero && SignalsPerSecond > 0 && SignalBurst >= 1
        && MaxClientFrameBytes >= 256;
}
