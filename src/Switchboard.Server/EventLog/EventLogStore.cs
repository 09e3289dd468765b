using Dapper;
using Switchboard.Server.Storage;

namespace Switchboard.Server.EventLog;

/// <summary>The log as the streams read it: the retained range of a workspace and pages of events by seq.</summary>
public static class EventLogStore
{
    /// <summary>Events <c>&lt;= MinSeq</c> were compacted away; <c>LastSeq</c> is the newest committed one.</summary>
    public sealed record Bounds(long MinSeq, long LastSeq)
    {
        /// <summary>A client at <paramref name="cursor"/> can resume only if the next event is still kept and the cursor is real.</summary>
        public bool CanResume(long cursor) => cursor >= MinSeq && cursor <= LastSeq;
    }

    public sealed record Page(Bounds Bounds, IReadOnlyList<StoredEvent> Events);

    public static Task<Bounds> BoundsAsync(Database database, long workspaceId, CancellationToken cancellationToken) =>
        database.ReadAsync((c, tx) => c.QuerySingleAsync<Bounds>(
            new CommandDefinition("SELECT min_seq AS MinSeq, last_seq AS LastSeq FROM workspaces WHERE id = @workspaceId",
                new { workspaceId }, tx, cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="afterSeq"/>, read in the same transaction as
    /// the bounds, so a compaction running meanwhile shows up as a bound, never as a silent gap.
    /// </summary>
    public static Task<Page> ReadAfterAsync(Database database, long workspaceId, long afterSeq, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(async (c, tx) =>
        {
            var bounds = await c.QuerySingleAsync<Bounds>(new CommandDefinition(
                "SELECT min_seq AS MinSeq, last_seq AS LastSeq FROM workspaces WHERE id = @workspaceId",
                new { workspaceId }, tx, cancellationToken: cancellationToken));
            if (!bounds.CanResume(afterSeq)) return new Page(bounds, []);
            var rows = await c.QueryAsync<EventRow>(new CommandDefinition($"""
                SELECT seq, type, conversation_id, contact_id, inbox_id, member_id, payload, public_payload, created_at
                FROM events WHERE workspace_id = @workspaceId AND seq > @afterSeq ORDER BY seq LIMIT {limit}
                """, new { workspaceId, afterSeq }, tx, cancellationToken: cancellationToken));
            return new Page(bounds, rows.Select(r => r.ToEvent(workspaceId)).ToList());
        }, cancellationToken);

    sealed class EventRow
    {
        public long Seq { get; init; }
        public string Type { get; init; } = "";
        public long? ConversationId { get; init; }
        public long? ContactId { get; init; }
        public long? InboxId { get; init; }
        public long? MemberId { get; init; }
        public string Payload { get; init; } = "";
        public string? PublicPayload { get; init; }
        public long CreatedAt { get; init; }

        public StoredEvent ToEvent(long workspaceId) =>
            new(workspaceId, Seq, Type, ConversationId, ContactId, Payload, PublicPayload, CreatedAt, InboxId, MemberId);
    }
}
