using System.Runtime.CompilerServices;
using System.Text;

namespace Switchboard.Server.Realtime;

public enum FrameKind { Event, Cursor, Signal, Ping, Pong, Error }

/// <summary>
/// One frame waiting in a connection's queue. <see cref="Json"/> is already serialized (for events: the stored
/// envelope itself); each transport only adds its framing. An event's <see cref="Utf8"/> bytes are encoded once and
/// shared by every connection that sends it, so fan-out to a thousand dashboards encodes (and allocates) once.
/// <see cref="LiveWrittenAtMs"/> is the write instant of an event queued live (0 otherwise): the writer measures delivery lag from it.
/// </summary>
public readonly record struct OutboundFrame(FrameKind Kind, long Seq, string Type, string Json, byte[]? Utf8 = null, long LiveWrittenAtMs = 0)
{
    // Keyed on the payload string itself: every live connection gets the same instance from the workspace's ring.
    static readonly ConditionalWeakTable<string, byte[]> Encoded = new();

    public static OutboundFrame Event(long seq, string type, string json, long liveWrittenAtMs = 0) =>
        new(FrameKind.Event, seq, type, json, Encoded.GetValue(json, static j => Encoding.UTF8.GetBytes(j)), liveWrittenAtMs);

    /// <summary>The JSON as UTF-8: the shared bytes of an event, or freshly encoded for anything else.</summary>
    public ReadOnlyMemory<byte> Bytes => Utf8 ?? Encoding.UTF8.GetBytes(Json);
    /// <summary>The viewer is past everything up to <paramref name="seq"/> that it may see (the rest was not for it).</summary>
    public static OutboundFrame Cursor(long seq) => new(FrameKind.Cursor, seq, "cursor", $$"""{"type":"cursor","cursor":{{seq}}}""");
    public static OutboundFrame Signal(string type, string json) => new(FrameKind.Signal, 0, type, json);
    public static OutboundFrame Error(string json) => new(FrameKind.Error, 0, "error", json);
    public static readonly OutboundFrame Ping = new(FrameKind.Ping, 0, "ping", """{"type":"ping"}""");
    public static readonly OutboundFrame Pong = new(FrameKind.Pong, 0, "pong", """{"type":"pong"}""");
}
