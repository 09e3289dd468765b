using Switchboard.Core.Conversations;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Queue;

/// <summary>
/// A member's load against their capacity: a read across members and their open conversations that only the queue
/// needs (the queued conversations themselves come from <see cref="ConversationStore"/>).
/// </summary>
public static class QueueStore
{
    static readonly string Resolved = EnumText.ToText(ConversationState.Resolved);

    /// <summary>A member's capacity and load: the open conversations assigned to them.</summary>
    public static Task<MemberLoad?> LoadAsync(WriteContext w, long memberId) => w.QuerySingleOrDefaultAsync<MemberLoad>("""
        SELECT m.id AS MemberId, m.capacity AS Capacity, m.active AS Active,
            (SELECT COUNT(*) FROM conversations cv WHERE cv.assignee_id = m.id AND cv.state <> @Resolved) AS Load
        FROM members m WHERE m.workspace_id = @WorkspaceId AND m.id = @memberId
        """, new { w.WorkspaceId, memberId, Resolved }, w.CancellationToken);

    /// <summary>Online, active members with their load, in round-robin order: whoever was auto-assigned longest ago first.</summary>
    public static async Task<List<MemberLoad>> OnlineLoadsAsync(WriteContext w) => (await w.QueryAsync<MemberLoad>("""
        SELECT m.id AS MemberId, m.capacity AS Capacity, m.active AS Active, m.last_assigned_seq AS LastAssignedSeq,
            (SELECT COUNT(*) FROM conversations cv WHERE cv.assignee_id = m.id AND cv.state <> @Resolved) AS Load
        FROM members m
        WHERE m.workspace_id = @WorkspaceId AND m.active = @active AND m.presence = @online
        ORDER BY m.last_assigned_seq, m.id
        """, new { w.WorkspaceId, Resolved, active = true, online = "online" }, w.CancellationToken)).ToList();
}
