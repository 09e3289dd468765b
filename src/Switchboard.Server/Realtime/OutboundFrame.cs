namespace Switchboard.Server.Realtime;

public enum FrameKind { Event, Signal, Ping, Pong, Error }

/// <summary>
/// One frame waiting in a connection's queue. <see cref="Json"/> is already serialized (for events: the stored
/// envelope itself); each transport only adds its framing.
/// </summary>
public readonly record struct OutboundFrame(FrameKind Kind, long Seq, string Type, string Json)
{
    public static OutboundFrame Event(long seq, string type, string json) => new(FrameKind.Event, seq, type, json);
    public static OutboundFrame Signal(string type, string json) => new(FrameKind.Signal, 0, type, json);
    public static OutboundFrame Error(string json) => new(FrameKind.Error, 0, "error", json);
    public static readonly OutboundFrame Ping = new(FrameKind.Ping, 0, "ping", """{"type":"ping"}""");
    public static readonly OutboundFrame Pong = new(FrameKind.Pong, 0, "pong", """{"type":"pong"}""");
}
