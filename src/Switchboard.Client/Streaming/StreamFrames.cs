using System.Text.Json;
using Switchboard.Client.Models;
using Switchboard.Client.Sync;

namespace Switchboard.Client.Streaming;

/// <summary>Parses one frame at the wire boundary. A frame that cannot be read is dropped (null), never fatal.</summary>
static class StreamFrames
{
    /// <summary>True for the server's <c>{"type":"ping"}</c>, which a WebSocket client answers with a pong.</summary>
    public static bool IsPing(ReadOnlySpan<byte> utf8) => FrameHeader.Read(utf8) is { Seq: null, Type: "ping" };

    public static StreamItem? Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    public static StreamItem? Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            if (root.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number)
                return new EventItem(root.Deserialize<StreamEvent>(SyncJson.Options)!);
            long? conversationId = root.TryGetProperty("conversationId", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt64() : null;
            return type switch
            {
                "reset" => new ResetItem(root.TryGetProperty("cursor", out var r) ? r.GetInt64() : 0),
                "disconnect" => new DisconnectItem(root.TryGetProperty("reason", out var why) ? why.GetString() ?? "" : ""),
                "cursor" => new CursorItem(root.GetProperty("cursor").GetInt64()),
                "ping" or "pong" or "" => null,
                _ => new SignalItem(type, conversationId, root.Clone()),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }
}
