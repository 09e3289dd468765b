namespace Switchboard.Server.Realtime;

public enum FrameKind { Event, Cursor, Signal, Ping, Pong, Error }

/// <summary>
/// One frame waiting in a connection's queue. <see cref="Json"/> is already serialized (for events: the stored
/// envelope itself); each transport only adds its framing.
/// </summary>
public readonly record struct OutboundFrame(FrameKind Kind, long Seq, string Type, string Json)
{
    public static OutboundFrame Event(long seq, string type, string json) => new(FrameKind.Event, seq, type, json);
    /// <summary>The viewer is past everything up to <paramref name="seq"/> that it may see (the rest was not for it).</summary>
    public static OutboundFrame Cursor(long seq) => new(FrameKind.Cursor, seq, "cursor", $$"""{"type":"cursor","cursor":{{seq}}}""");
    public static OutboundFrame Signal(string type, string json) => new(FrameKind.Signal, 0, type, json);
    public static OutboundFrame Error(string json) => new(FrameKind.Error, 0, "error", json);
    public static readonly OutboundFrame Ping = new(FrameKind.Ping, 0, "ping", """{"type":"ping"}""");
    public static readonly OutboundFrame Pong = new(FrameKind.Pong, 0, "pong", """{"type":"pong"}""");
}
