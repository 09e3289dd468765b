using System.Data.Common;
using Dapper;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Csat;

/// <summary>SQL of the <c>csat_ratings</c> table. Every query names the workspace.</summary>
public static class CsatStore
{
    /// <summary>Asks for one resolution's rating; null when that resolution asked already (a rerun of the same write).</summary>
    public static Task<CsatRow?> InsertRequestAsync(WriteContext w, long conversationId, long contactId, long inboxId, string channel, long? assigneeId, long resolutionSeq) =>
        w.QuerySingleOrDefaultAsync<CsatRow>($"""
            INSERT INTO csat_ratings (workspace_id, conversation_id, contact_id, inbox_id, channel, assignee_id, resolution_seq, requested_at, updated_at, version)
            VALUES (@WorkspaceId, @conversationId, @contactId, @inboxId, @channel, @assigneeId, @resolutionSeq, @now, @now, 1)
            ON CONFLICT (conversation_id, resolution_seq) DO NOTHING
            RETURNING {CsatRow.Columns}
            """, new { w.WorkspaceId, conversationId, contactId, inboxId, channel, assigneeId, resolutionSeq, now = w.NowMs }, w.CancellationToken);

    public static Task<CsatRow?> FindAsync(WriteContext w, long id) => w.QuerySingleOrDefaultAsync<CsatRow>(
        $"SELECT {CsatRow.Columns} FROM csat_ratings WHERE workspace_id = @WorkspaceId AND id = @id", new { w.WorkspaceId, id }, w.CancellationToken);

    /// <summary>A contact's newest request on a channel (WhatsApp replies name no request of their own).</summary>
    public static Task<CsatRow?> LatestOfContactAsync(WriteContext w, long contactId, string channel) => w.QuerySingleOrDefaultAsync<CsatRow>(
        $"SELECT {CsatRow.Columns} FROM csat_ratings WHERE workspace_id = @WorkspaceId AND contact_id = @contactId AND channel = @channel ORDER BY id DESC LIMIT 1",
        new { w.WorkspaceId, contactId, channel }, w.CancellationToken);

    public static async Task<CsatRow> RateAsync(WriteContext w, CsatRow row, int rating, string? comment)
    {
        await w.ExecuteAsync("""
            UPDATE csat_ratings SET rating = @rating, comment = @comment, rated_at = COALESCE(rated_at, @now), updated_at = @now, version = version + 1
            WHERE workspace_id = @WorkspaceId AND id = @Id
            """, new { rating, comment, now = w.NowMs, w.WorkspaceId, row.Id }, w.CancellationToken);
        return (await FindAsync(w, row.Id))!;
    }

    /// <summary>
    /// The newest request of each conversation of the workspace (or of one contact), for snapshots. One statement that reads
    /// the same on both databases (no list parameters); the caller keeps the conversations it shows.
    /// </summary>
    public static async Task<IReadOnlyList<CsatRow>> LatestAsync(DbConnection c, DbTransaction? tx, long workspaceId, long? contactId, CancellationToken cancellationToken) =>
        (await c.QueryAsync<CsatRow>(new CommandDefinition($"""
            SELECT {CsatRow.Columns} FROM csat_ratings r WHERE r.workspace_id = @workspaceId {(contactId is null ? "" : "AND r.contact_id = @contactId")}
            AND r.id = (SELECT MAX(x.id) FROM csat_ratings x WHERE x.conversation_id = r.conversation_id)
            """, new { workspaceId, contactId }, tx, cancellationToken: cancellationToken))).ToList();
}
