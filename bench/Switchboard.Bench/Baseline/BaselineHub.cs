using System.Collections.Concurrent;
using System.Text.Json;

namespace Switchboard.Bench.Baseline;

/// <summary>
/// The baseline's whole "backend": a sequence counter and a registry of subscribers. Numbering and enqueueing
/// happen under one lock so every subscriber sees frames in seq order, the least any ordered broadcast must do.
/// With a <see cref="BaselineStore"/> (the durable baseline) each message is committed to SQLite first.
/// </summary>
public sealed class BaselineHub(BaselineStore? store = null)
{
    readonly ConcurrentDictionary<long, BaselineConnection> connections = new();
    readonly object order = new();
    long nextId;
    long seq;

    public long Register(BaselineConnection connection)
    {
        var id = Interlocked.Increment(ref nextId);
        connections[id] = connection;
        return id;
    }

    public void Unregister(long id) => connections.TryRemove(id, out _);

    /// <summary>Numbers a message, serializes its frame once and queues it for everyone allowed to see it.</summary>
    public long Publish(long conversationId, string clientMessageId, string text)
    {
        lock (order)
        {
            var number = ++seq;
            store?.Insert(number, conversationId, clientMessageId, text);
            var frame = BaselineFrame.Of(number, Json(number, conversationId, clientMessageId, text));
            foreach (var connection in connections.Values)
                if (connection.ConversationId is null || connection.ConversationId == conversationId) connection.Enqueue(frame);
            return number;
        }
    }

    // About the size and shape of Switchboard's message.created frame (~900 bytes), so both push the same bytes.
    static byte[] Json(long seq, long conversationId, string clientMessageId, string text)
    {
        var now = DateTimeOffset.UtcNow;
        using var buffer = new MemoryStream(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", seq);
            json.WriteString("type", "message.created");
            json.WriteNumber("conversationId", conversationId);
            json.WriteNumber("version", 1);
            json.WriteString("clientMessageId", clientMessageId);
            json.WriteString("createdAt", now);
            json.WriteStartObject("data");
            json.WriteStartObject("message");
            json.WriteNumber("id", seq);
            json.WriteNumber("conversationId", conversationId);
            json.WriteString("clientMessageId", clientMessageId);
            json.WriteString("senderRole", "customer");
            json.WriteString("text", text);
            json.WriteString("status", "sent");
            json.WriteNumber("seq", seq);
            json.WriteString("createdAt", now);
            json.WriteString("updatedAt", now);
            json.WriteEndObject();
            json.WriteStartObject("conversation");
            json.WriteNumber("id", conversationId);
            json.WriteString("state", "waiting_operator");
            json.WriteString("lastMessagePreview", text);
            json.WriteString("lastMessageAt", now);
            json.WriteString("padding", new string('.', 400));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
