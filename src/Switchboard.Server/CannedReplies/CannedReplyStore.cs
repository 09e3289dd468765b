using System.Data.Common;
using Dapper;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.CannedReplies;

/// <summary>SQL for the <c>canned_replies</c> table. Reads are scoped to what a member may see: the workspace's and their own.</summary>
public static class CannedReplyStore
{
    /// <summary>The workspace's replies and <paramref name="memberId"/>'s personal ones (none for a caller without a member).</summary>
    public static async Task<IReadOnlyList<CannedReplyRow>> VisibleAsync(DbConnection c, DbTransaction? tx, long workspaceId, long? memberId,
        CancellationToken cancellationToken) =>
        (await c.QueryAsync<CannedReplyRow>(new CommandDefinition($"""
            SELECT {CannedReplyRow.Columns} FROM canned_replies
            WHERE workspace_id = @workspaceId AND (scope = 'workspace' OR (scope = 'personal' AND owner_id = @owner))
            ORDER BY short_code, id
            """, new { workspaceId, owner = memberId ?? -1 }, tx, cancellationToken: cancellationToken))).ToList();

    public static Task<CannedReplyRow?> FindAsync(WriteContext w, long id) => w.QuerySingleOrDefaultAsync<CannedReplyRow>(
        $"SELECT {CannedReplyRow.Columns} FROM canned_replies WHERE workspace_id = @WorkspaceId AND id = @id", new { w.WorkspaceId, id }, w.CancellationToken);

    /// <summary>True when another reply of the same scope and owner already has <paramref name="code"/>.</summary>
    public static async Task<bool> CodeTakenAsync(WriteContext w, string scope, long ownerId, string code, long exceptId) =>
        await w.QuerySingleAsync<long>("""
            SELECT COUNT(*) FROM canned_replies
            WHERE workspace_id = @WorkspaceId AND scope = @scope AND owner_id = @ownerId AND short_code = @code AND id <> @exceptId
            """, new { w.WorkspaceId, scope, ownerId, code, exceptId }, w.CancellationToken) > 0;

    public static Task<long> CountAsync(WriteContext w, string scope, long ownerId) => w.QuerySingleAsync<long>(
        "SELECT COUNT(*) FROM canned_replies WHERE workspace_id = @WorkspaceId AND scope = @scope AND owner_id = @ownerId",
        new { w.WorkspaceId, scope, ownerId }, w.CancellationToken);

    public static Task<CannedReplyRow> InsertAsync(WriteContext w, string scope, long ownerId, string code, string title, string body, long? createdBy) =>
        w.QuerySingleAsync<CannedReplyRow>($"""
            INSERT INTO canned_replies (workspace_id, scope, owner_id, short_code, title, body, version, created_by, created_at, updated_at)
            VALUES (@WorkspaceId, @scope, @ownerId, @code, @title, @body, 1, @createdBy, @NowMs, @NowMs)
            RETURNING {CannedReplyRow.Columns}
            """, new { w.WorkspaceId, scope, ownerId, code, title, body, createdBy, w.NowMs }, w.CancellationToken);

    public static Task<CannedReplyRow> UpdateAsync(WriteContext w, long id, string code, string title, string body) =>
        w.QuerySingleAsync<CannedReplyRow>($"""
            UPDATE canned_replies SET short_code = @code, title = @title, body = @body, version = version + 1, updated_at = @NowMs
            WHERE workspace_id = @WorkspaceId AND id = @id
            RETURNING {CannedReplyRow.Columns}
            """, new { w.WorkspaceId, id, code, title, body, w.NowMs }, w.CancellationToken);

    public static Task DeleteAsync(WriteContext w, long id) =>
        w.ExecuteAsync("DELETE FROM canned_replies WHERE workspace_id = @WorkspaceId AND id = @id", new { w.WorkspaceId, id }, w.CancellationToken);
}
