using System.Data.Common;
using Dapper;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Server.Common;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Conversations;

/// <summary>SQL for conversations. Every query names the workspace: another workspace's conversation is simply not found.</summary>
public static class ConversationStore
{
    public static async Task<ConversationRecord?> FindAsync(DbConnection connection, DbTransaction? tx, long workspaceId, long id) =>
        (await connection.QuerySingleOrDefaultAsync<ConversationRow>(
            $"{ConversationRow.Select} WHERE cv.workspace_id = @workspaceId AND cv.id = @id", new { workspaceId, id }, tx))?.ToRecord();

    public static Task<ConversationRecord?> FindAsync(WriteContext w, long id) => FindAsync(w.Connection, w.Transaction, w.WorkspaceId, id);

    /// <summary>Loads a conversation the caller may see, or throws not-found (also for another workspace's or another visitor's).</summary>
    public static async Task<ConversationRecord> GetVisibleAsync(DbConnection connection, DbTransaction? tx, Auth.Caller caller, long id)
    {
        var record = await FindAsync(connection, tx, caller.WorkspaceId, id);
        if (record is null || (caller.IsVisitor && record.Conversation.ContactId != caller.ContactId))
            throw new DomainException("conversation_not_found", "No such conversation.", DomainErrorKind.NotFound);
        return record;
    }

    public static async Task<long> InsertAsync(WriteContext w, Conversation c) => await w.QuerySingleAsync<long>("""
        INSERT INTO conversations (workspace_id, inbox_id, contact_id, state, bot_active, assignee_id, message_count,
            last_message_at, last_message_preview, activity_at, unread_count, contact_unread_count, handoff_reason,
            last_customer_seq, queued_at, version, created_at, updated_at)
        VALUES (@WorkspaceId, @InboxId, @ContactId, @State, @BotActive, @AssigneeId, @MessageCount,
            @LastMessageAt, @LastMessagePreview, @ActivityAt, @UnreadCount, @ContactUnreadCount, @HandoffReason,
            @LastCustomerMessageSeq, @QueuedAt, @Version, @CreatedAt, @UpdatedAt)
        RETURNING id
        """, Parameters(c));

    /// <summary>
    /// Stores the next snapshot. The version check is a guard, not the concurrency control: writers of a
    /// workspace are already serialized, so a mismatch here means a bug, and the transaction rolls back.
    /// </summary>
    public static async Task UpdateAsync(WriteContext w, Conversation before, Conversation next)
    {
        var changed = await w.ExecuteAsync("""
            UPDATE conversations SET state = @State, bot_active = @BotActive, assignee_id = @AssigneeId,
                message_count = @MessageCount, last_message_at = @LastMessageAt, last_message_preview = @LastMessagePreview,
                activity_at = @ActivityAt, unread_count = @UnreadCount, contact_unread_count = @ContactUnreadCount,
                handoff_reason = @HandoffReason, last_customer_seq = @LastCustomerMessageSeq, queued_at = @QueuedAt,
                version = @Version, updated_at = @UpdatedAt
            WHERE id = @Id AND workspace_id = @WorkspaceId AND version = @expectedVersion
            """, new DynamicParameters(Parameters(next)).With("expectedVersion", before.Version));
        if (changed != 1) throw new InvalidOperationException($"Conversation {next.Id} changed under a serialized writer.");
    }

    static object Parameters(Conversation c) => new
    {
        c.Id,
        c.WorkspaceId,
        c.InboxId,
        c.ContactId,
        State = EnumText.ToText(c.State),
        c.BotActive,
        c.AssigneeId,
        c.MessageCount,
        LastMessageAt = Time.ToMs(c.LastMessageAt),
        c.LastMessagePreview,
        ActivityAt = (c.LastMessageAt ?? c.CreatedAt).ToUnixTimeMilliseconds(),
        c.UnreadCount,
        c.ContactUnreadCount,
        c.HandoffReason,
        c.LastCustomerMessageSeq,
        QueuedAt = Time.ToMs(c.QueuedAt),
        c.Version,
        CreatedAt = c.CreatedAt.ToUnixTimeMilliseconds(),
        UpdatedAt = c.UpdatedAt.ToUnixTimeMilliseconds(),
    };

    static DynamicParameters With(this DynamicParameters parameters, string name, object value)
    {
        parameters.Add(name, value);
        return parameters;
    }
}
