using System.Text.Json;
using Dapper;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>Reads a workspace's event log straight from the database, for asserting what a request emitted.</summary>
public static class EventLog
{
    public sealed record Entry(long Seq, string Type, long? ConversationId, JsonElement Payload, JsonElement? PublicPayload);

    public static async Task<IReadOnlyList<Entry>> AfterAsync(TestApp app, long workspaceId, long cursor)
    {
        await using var c = await app.Database.OpenAsync(CancellationToken.None);
        var rows = await c.QueryAsync<(long Seq, string Type, long? ConversationId, string Payload, string? PublicPayload)>(
            "SELECT seq, type, conversation_id, payload, public_payload FROM events WHERE workspace_id = @workspaceId AND seq > @cursor ORDER BY seq",
            new { workspaceId, cursor });
        return rows.Select(r => new Entry(r.Seq, r.Type, r.ConversationId, JsonDocument.Parse(r.Payload).RootElement,
            r.PublicPayload is null ? null : JsonDocument.Parse(r.PublicPayload).RootElement)).ToList();
    }

    public static async Task<long> CursorAsync(TestApp app, long workspaceId)
    {
        await using var c = await app.Database.OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>("SELECT last_seq FROM workspaces WHERE id = @workspaceId", new { workspaceId });
    }
}
