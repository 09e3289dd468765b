using System.Text.Json;
using Switchboard.Client.Models;
using Switchboard.Client.Sync;

namespace Switchboard.Client.Tests;

/// <summary>
/// A model server for history schedules (the TypeScript SDK's test/historyModel.ts): one conversation's transcript
/// (ordinals 1..n), its event log, and pages answered as <c>GET .../messages?before=&amp;after=&amp;limit=</c> does.
/// </summary>
sealed class HistoryServer
{
    static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly string[] Statuses = ["sent", "delivered", "read"];

    public HistoryServer(int initial)
    {
        for (var i = 0; i < initial; i++) Messages.Add(Message(i + 1, (i % 3) switch { 0 => "customer", 1 => "bot", _ => "operator" }, "sent", 1));
    }

    public List<StreamEvent> Log { get; } = [];
    public List<MessageDto> Messages { get; } = [];
    public long Cursor => Log.Count;

    public SnapshotDto Snapshot() => new()
    {
        Cursor = Cursor,
        Conversations = [new ConversationDto { Id = 1, State = "assigned", AssigneeId = 7, MessageCount = Messages.Count, Version = 1, CreatedAt = T0, UpdatedAt = T0 }],
    };

    public void Create(string role)
    {
        var m = Message(Messages.Count + 1, role, "sent", 1);
        Messages.Add(m);
        Append("message.created", m);
    }

    /// <summary>Moves one message's status a step forward (a receipt about one message).</summary>
    public void AdvanceStatus(int index)
    {
        if (index >= Messages.Count || Messages[index].Status == "read") return;
        Replace(Messages[index], Statuses[Array.IndexOf(Statuses, Messages[index].Status) + 1]);
    }

    /// <summary>A read receipt: every unread customer message turns read, one status event each (the flood).</summary>
    public void ReadAll()
    {
        foreach (var m in Messages.ToList()) if (m.SenderRole == "customer" && m.Status != "read") Replace(m, "read");
    }

    public (IReadOnlyList<MessageDto> Items, bool HasMore, long Cursor) Page(PageRequest request, int limit)
    {
        var inside = Messages.Where(m => (request.After is not { } a || m.Ordinal > a) && (request.Before is not { } b || m.Ordinal < b)).ToList();
        return (inside.TakeLast(limit).ToList(), inside.Count > limit, Cursor);
    }

    void Replace(MessageDto m, string status)
    {
        var next = m with { Status = status, Version = m.Version + 1 };
        Messages[(int)m.Ordinal - 1] = next;
        Append("message.status", next);
    }

    static MessageDto Message(long ordinal, string role, string status, long version) => new()
    {
        Id = 1000 + ordinal, ConversationId = 1, Ordinal = ordinal, ClientMessageId = $"k{ordinal}", SenderRole = role,
        Text = $"m{ordinal}", Status = status, Version = version, CreatedAt = T0,
    };

    void Append(string type, MessageDto m) => Log.Add(new StreamEvent
    {
        Seq = Log.Count + 1, Type = type, ConversationId = 1, Version = m.Version, ClientMessageId = m.ClientMessageId,
        Data = JsonSerializer.SerializeToElement(new { message = m, conversation = (ConversationDto?)null }, SyncJson.Options),
    });
}
