using System.Text.Json;
using Dapper;
using Switchboard.Server.Conversations;
using Switchboard.Server.Members;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>An event as read back from the <c>events</c> table, with typed views of the data tests look at.</summary>
public sealed record LoggedEvent(long Seq, string Type, long? ConversationId, JsonElement Envelope)
{
    public JsonElement Data => Envelope.GetProperty("data");

    /// <summary>The conversation change (<c>claimed</c>, <c>idle_release</c>, ...) of a conversation event.</summary>
    public string? Change => Data.TryGetProperty("change", out var c) ? c.GetString() : null;

    public ConversationResponse? Conversation =>
        Data.TryGetProperty("conversation", out var c) && c.ValueKind == JsonValueKind.Object ? c.Deserialize<ConversationResponse>(Http.Json) : null;

    public MemberResponse Member => Data.Deserialize<MemberResponse>(Http.Json)!;

    public string ActorType => Envelope.GetProperty("actor").GetProperty("type").GetString()!;
}

public static class LoggedEvents
{
    /// <summary>An event with both stored payloads: the team's envelope and the visitor's (null when team-only).</summary>
    public sealed record Entry(long Seq, string Type, long? ConversationId, JsonElement Payload, JsonElement? PublicPayload);

    /// <summary>The workspace's events after <paramref name="cursor"/> with both payloads, in seq order.</summary>
    public static async Task<IReadOnlyList<Entry>> AfterAsync(TestApp app, long workspaceId, long cursor) =>
        await app.Database.ReadAsync(async (c, tx) => (await c.QueryAsync<(long Seq, string Type, long? ConversationId, string Payload, string? PublicPayload)>(
            "SELECT seq, type, conversation_id, payload, public_payload FROM events WHERE workspace_id = @workspaceId AND seq > @cursor ORDER BY seq",
            new { workspaceId, cursor }, tx))
            .Select(r => new Entry(r.Seq, r.Type, r.ConversationId, JsonDocument.Parse(r.Payload).RootElement.Clone(),
                r.PublicPayload is null ? null : JsonDocument.Parse(r.PublicPayload).RootElement.Clone()))
            .ToList(), CancellationToken.None);

    /// <summary>The workspace's events after <paramref name="afterSeq"/>, in seq order.</summary>
    public static async Task<IReadOnlyList<LoggedEvent>> EventsAsync(this TestApp app, long workspaceId, long afterSeq = 0) =>
        await app.Database.ReadAsync(async (c, tx) => (await c.QueryAsync<(long Seq, string Type, long? ConversationId, string Payload)>(
            "SELECT seq, type, conversation_id, payload FROM events WHERE workspace_id = @workspaceId AND seq > @afterSeq ORDER BY seq",
            new { workspaceId, afterSeq }, tx))
            .Select(e => new LoggedEvent(e.Seq, e.Type, e.ConversationId, JsonDocument.Parse(e.Payload).RootElement.Clone()))
            .ToList(), CancellationToken.None);

    /// <summary>The conversation events of one conversation after a seq.</summary>
    public static async Task<IReadOnlyList<LoggedEvent>> ConversationEventsAsync(this TestApp app, long workspaceId, long conversationId, long afterSeq = 0) =>
        (await app.EventsAsync(workspaceId, afterSeq)).Where(e => e.ConversationId == conversationId && e.Type == "conversation.updated").ToList();

    public static async Task<long> CursorAsync(this TestApp app, long workspaceId) =>
        await app.Database.ReadAsync((c, tx) => c.QuerySingleAsync<long>("SELECT last_seq FROM workspaces WHERE id = @workspaceId", new { workspaceId }, tx),
            CancellationToken.None);
}
