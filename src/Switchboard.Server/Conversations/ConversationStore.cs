using System.Data.Common;
using Dapper;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Server.Common;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Conversations;

/// <summary>SQL for conversations. Every query names the workspace: another workspace's conversation is simply not found.</summary>
public static partial class ConversationStore
{
    public static async Task<ConversationRecord?> FindAsync(DbConnection connection, DbTransaction? tx, long workspaceId, long id) =>
        (await connection.QuerySingleOrDefaultAsync<ConversationRow>(
            $"{ConversationRow.Select} WHERE cv.workspace_id = @workspaceId AND cv.id = @id", new { workspaceId, id }, tx))?.ToRecord();

    public static Task<ConversationRecord?> FindAsync(WriteContext w, long id) => FindAsync(w.Connection, w.Transaction, w.WorkspaceId, id);

    /// <summary>Loads a conversation the caller may see, or throws not-found (also for another workspace's or another visitor's).</summary>
    public static async Task<ConversationRecord> GetVisibleAsync(DbConnection connection, DbTransaction? tx, Auth.Caller caller, long id) =>
        RequireVisible(await FindAsync(connection, tx, caller.WorkspaceId, id), caller);

    /// <summary>
    /// The record when <paramref name="caller"/> (if any) may see it; not-found otherwise, as if it did not exist: another
    /// visitor's, or (issue 20) one of an inbox of a team the operator is not in, so its id does not even leak.
    /// </summary>
    public static ConversationRecord RequireVisible(ConversationRecord? record, Auth.Caller? caller) =>
        record is null || (caller is { IsVisitor: true } && record.Conversation.ContactId != caller.ContactId)
            || (caller is not null && !Teams.ConversationScope.Sees(caller, record.InboxTeamId))
            ? throw new DomainException("conversation_not_found", "No such conversation.", DomainErrorKind.NotFound)
            : record;

    /// <summary>
    /// A conversation of the write's workspace and, in the same statement, the id of its message with
    /// <paramref name="clientMessageId"/> if that send was already stored: every message asks both, so it is one round trip.
    /// </summary>
    public static async Task<(ConversationRecord? Record, long? StoredMessageId)> FindForSendAsync(WriteContext w, long id, string clientMessageId)
    {
        var row = await w.QuerySingleOrDefaultAsync<ConversationSendRow>($"""
            SELECT {ConversationRow.Columns},
                (SELECT m.id FROM messages m WHERE m.conversation_id = cv.id AND m.client_message_id = @clientMessageId) AS stored_message_id
            {ConversationRow.From} WHERE cv.workspace_id = @WorkspaceId AND cv.id = @id
            """, new { w.WorkspaceId, id, clientMessageId }, w.CancellationToken);
        return (row?.ToRecord(), row?.StoredMessageId);
    }

    static readonly string Queued = EnumText.ToText(ConversationState.Queued);

    /// <summary>Not snoozed: a sleeping conversation is neither served from the queue, counted as waiting, nor auto-assigned.</summary>
    public const string Awake = "(cv.snoozed_until IS NULL AND NOT cv.snooze_until_reply)";

    /// <summary>Snoozed (the same expression as the partial index <c>ix_conversations_snoozed</c>, so both databases use it).</summary>
    public const string Asleep = "(cv.snoozed_until IS NOT NULL OR cv.snooze_until_reply)";

    /// <summary>Queued conversations, oldest first: the queue serves whoever has waited longest (ties by id, so the order is total).</summary>
    /// <param name="scope">"" for all, or <c>Teams.ConversationScope.Sql</c>: the queue of the conversations a caller may see.</param>
    public static async Task<IReadOnlyList<ConversationRecord>> QueuedAsync(DbConnection connection, DbTransaction? tx, long workspaceId, int limit,
        CancellationToken cancellationToken, string scope = "") =>
        (await connection.QueryAsync<ConversationRow>(new CommandDefinition(
            $"{ConversationRow.Select} WHERE cv.workspace_id = @workspaceId AND cv.state = @Queued AND {Awake}{scope} ORDER BY cv.queued_at, cv.id LIMIT {limit}",
            new { workspaceId, Queued }, tx, cancellationToken: cancellationToken))).Select(r => r.ToRecord()).ToList();

    public static Task<IReadOnlyList<ConversationRecord>> QueuedAsync(WriteContext w, int limit, string scope = "") =>
        QueuedAsync(w.Connection, w.Transaction, w.WorkspaceId, limit, w.CancellationToken, scope);

    public static Task<int> CountQueuedAsync(DbConnection connection, DbTransaction? tx, long workspaceId, CancellationToken cancellationToken, string scope = "") =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM conversations cv WHERE cv.workspace_id = @workspaceId AND cv.state = @Queued AND {Awake}{scope}", new { workspaceId, Queued }, tx, cancellationToken: cancellationToken));

    /// <summary>The contact of a conversation of the workspace, or null when there is no such conversation.</summary>
    public static Task<long?> ContactIdAsync(DbConnection connection, DbTransaction? tx, long workspaceId, long id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT contact_id FROM conversations WHERE id = @id AND workspace_id = @workspaceId", new { id, workspaceId }, tx, cancellationToken: cancellationToken));

    /// <summary>Moves the contact's or the team's read marker forward to <paramref name="upTo"/> (never back).</summary>
    public static Task AdvanceReadMarkerAsync(WriteContext w, long id, bool byContact, long upTo) => byContact
        ? w.ExecuteAsync("UPDATE conversations SET contact_read_ordinal = @upTo WHERE id = @id AND contact_read_ordinal < @upTo", new { upTo, id }, w.CancellationToken)
        : w.ExecuteAsync("UPDATE conversations SET team_read_ordinal = @upTo WHERE id = @id AND team_read_ordinal < @upTo", new { upTo, id }, w.CancellationToken);

    /// <summary>Moves the contact's delivered marker forward to <paramref name="upTo"/> (never back).</summary>
    public static Task AdvanceDeliveredMarkerAsync(WriteContext w, long id, long upTo) =>
        w.ExecuteAsync("UPDATE conversations SET contact_delivered_ordinal = @upTo WHERE id = @id AND contact_delivered_ordinal < @upTo", new { upTo, id }, w.CancellationToken);

    /// <summary>The id of the contact's latest conversation in an inbox (the one a returning customer continues), if any.</summary>
    public static Task<long?> LatestIdAsync(DbConnection connection, DbTransaction? tx, long inboxId, long contactId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT id FROM conversations WHERE inbox_id = @inboxId AND contact_id = @contactId ORDER BY id DESC LIMIT 1",
            new { inboxId, contactId }, tx, cancellationToken: cancellationToken));

    public static async Task<long> InsertAsync(WriteContext w, Conversation c) => await w.QuerySingleAsync<long>("""
        INSERT INTO conversations (workspace_id, inbox_id, contact_id, state, bot_active, assignee_id, message_count,
            last_message_at, last_message_preview, activity_at, unread_count, contact_unread_count, handoff_reason,
            last_customer_seq, queued_at, snoozed_until, snooze_until_reply, wake_reason, version, created_at, updated_at)
        VALUES (@WorkspaceId, @InboxId, @ContactId, @State, @BotActive, @AssigneeId, @MessageCount,
            @LastMessageAt, @LastMessagePreview, @ActivityAt, @UnreadCount, @ContactUnreadCount, @HandoffReason,
            @LastCustomerMessageSeq, @QueuedAt, @SnoozedUntil, @SnoozeUntilReply, @WakeReason, @Version, @CreatedAt, @UpdatedAt)
        RETURNING id
        """, Parameters(c), w.CancellationToken);

    /// <summary>
    /// Stores the next snapshot. The version check is a guard, not the concurrency control: writers of a
    /// workspace are already serialized, so a mismatch here means a bug, and the transaction rolls back.
    /// </summary>
    public static async Task UpdateAsync(WriteContext w, Conversation before, Conversation next)
    {
        var changed = await w.ExecuteAsync("""
            UPDATE conversations SET contact_id = @ContactId, state = @State, bot_active = @BotActive, assignee_id = @AssigneeId,
                message_count = @MessageCount, last_message_at = @LastMessageAt, last_message_preview = @LastMessagePreview,
                activity_at = @ActivityAt, unread_count = @UnreadCount, contact_unread_count = @ContactUnreadCount,
                handoff_reason = @HandoffReason, last_customer_seq = @LastCustomerMessageSeq, queued_at = @QueuedAt,
                snoozed_until = @SnoozedUntil, snooze_until_reply = @SnoozeUntilReply, wake_reason = @WakeReason,
                version = @Version, updated_at = @UpdatedAt
            WHERE id = @Id AND workspace_id = @WorkspaceId AND version = @expectedVersion
            """, new DynamicParameters(Parameters(next)).With("expectedVersion", before.Version), w.CancellationToken);
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
        SnoozedUntil = Time.ToMs(c.SnoozedUntil),
        c.SnoozeUntilReply,
        WakeReason = c.WakeReason is { } reason ? EnumText.ToText(reason) : null,
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
