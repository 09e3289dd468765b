using Switchboard.Core.Conversations;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Queue;

/// <summary>SQL of the queue: the oldest waiting conversation, and a member's load against their capacity.</summary>
public static class QueueStore
{
    public static readonly string Queued = EnumText.ToText(ConversationState.Queued);
    public static readonly string Resolved = EnumText.ToText(ConversationState.Resolved);

    /// <summary>Oldest first: the queue serves whoever has waited longest (ties by id, so the order is total).</summary>
    public const string QueueOrder = "ORDER BY cv.queued_at, cv.id";

    public static async Task<ConversationRecord?> OldestQueuedAsync(WriteContext w) =>
        (await w.QuerySingleOrDefaultAsync<ConversationRow>(
            $"{ConversationRow.Select} WHERE cv.workspace_id = @WorkspaceId AND cv.state = @Queued {QueueOrder} LIMIT 1",
            new { w.WorkspaceId, Queued }))?.ToRecord();

    public static async Task<IReadOnlyList<ConversationRecord>> QueuedAsync(WriteContext w, int limit) =>
        (await w.QueryAsync<ConversationRow>(
            $"{ConversationRow.Select} WHERE cv.workspace_id = @WorkspaceId AND cv.state = @Queued {QueueOrder} LIMIT {limit}",
            new { w.WorkspaceId, Queued })).Select(r => r.ToRecord()).ToList();

    /// <summary>A member's capacity and load: the open conversations assigned to them.</summary>
    public static Task<MemberLoad?> LoadAsync(WriteContext w, long memberId) => w.QuerySingleOrDefaultAsync<MemberLoad>("""
        SELECT m.id AS MemberId, m.capacity AS Capacity, m.active AS Active,
            (SELECT COUNT(*) FROM conversations cv WHERE cv.assignee_id = m.id AND cv.state <> @Resolved) AS Load
        FROM members m WHERE m.workspace_id = @WorkspaceId AND m.id = @memberId
        """, new { w.WorkspaceId, memberId, Resolved });

    /// <summary>Online, active members with their load, in round-robin order: whoever was auto-assigned longest ago first.</summary>
    public static async Task<List<MemberLoad>> OnlineLoadsAsync(WriteContext w) => (await w.QueryAsync<MemberLoad>("""
        SELECT m.id AS MemberId, m.capacity AS Capacity, m.active AS Active, m.last_assigned_seq AS LastAssignedSeq,
            (SELECT COUNT(*) FROM conversations cv WHERE cv.assignee_id = m.id AND cv.state <> @Resolved) AS Load
        FROM members m
        WHERE m.workspace_id = @WorkspaceId AND m.active = @active AND m.presence = @online
        ORDER BY m.last_assigned_seq, m.id
        """, new { w.WorkspaceId, Resolved, active = true, online = "online" })).ToList();

    public static Task<int> CountQueuedAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, long workspaceId) =>
        Dapper.SqlMapper.ExecuteScalarAsync<int>(c, "SELECT COUNT(*) FROM conversations WHERE workspace_id = @workspaceId AND state = @Queued",
            new { workspaceId, Queued }, tx);
}
