using System.Text.Json;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>A frame as a test client received it: the raw JSON, its type, and the seq of durable events.</summary>
public sealed record StreamFrame(string Json, string Type, long? Seq, string? SseId = null)
{
    public static StreamFrame Parse(string json, string? sseId = null)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
        long? seq = root.TryGetProperty("seq", out var s) ? s.GetInt64() : null;
        return new StreamFrame(json, type, seq, sseId);
    }

    public bool IsDurable => Seq is not null;

    /// <summary>A <c>cursor</c> frame: the viewer may move its cursor here (it skipped events it may not see).</summary>
    public long? CursorAdvance => Type == "cursor" ? Root.GetProperty("cursor").GetInt64() : null;

    public JsonElement Root => JsonDocument.Parse(Json).RootElement;
}
