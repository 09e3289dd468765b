using System.Data.Common;
using Dapper;
using Switchboard.Core.Messages;
using Switchboard.Server.Common;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Messages;

/// <summary>The reads of <c>messages</c> that the bot and the channels make about a conversation's transcript.</summary>
public static partial class MessageStore
{
    static readonly string Customer = EnumText.ToText(SenderRole.Customer);
    static readonly string Bot = EnumText.ToText(SenderRole.Bot);

    public static Task<MessageRow?> FindAsync(DbConnection c, DbTransaction? tx, long id, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<MessageRow>(new CommandDefinition(
            $"SELECT {MessageRow.Columns} FROM messages WHERE id = @id", new { id }, tx, cancellationToken: cancellationToken));

    public static Task<MessageRow?> FindAsync(WriteContext w, long id) => FindAsync(w.Connection, w.Transaction, id, w.CancellationToken);

    public static Task<MessageRow?> FindInConversationAsync(DbConnection c, DbTransaction? tx, long conversationId, long id, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<MessageRow>(new CommandDefinition(
            $"SELECT {MessageRow.Columns} FROM messages WHERE id = @id AND conversation_id = @conversationId", new { id, conversationId }, tx,
            cancellationToken: cancellationToken));

    /// <summary>The last <paramref name="limit"/> messages the customer can see (no internal notes), oldest first.</summary>
    public static async Task<IReadOnlyList<MessageRow>> RecentAsync(DbConnection c, DbTransaction? tx, long conversationId, int limit, CancellationToken cancellationToken) =>
        (await c.QueryAsync<MessageRow>(new CommandDefinition(
            $"SELECT {MessageRow.Columns} FROM messages WHERE conversation_id = @conversationId AND is_note = @no ORDER BY ordinal DESC LIMIT {limit}",
            new { conversationId, no = false }, tx, cancellationToken: cancellationToken))).Reverse().ToList();

    public static async Task<bool> AnyAsync(DbConnection c, DbTransaction? tx, long conversationId, CancellationToken cancellationToken) =>
        await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM messages WHERE conversation_id = @conversationId", new { conversationId }, tx, cancellationToken: cancellationToken)) > 0;

    /// <summary>Whether <paramref name="first"/> or <paramref name="second"/> is already stored in the conversation (a turn already answered).</summary>
    // Two named parameters, not Dapper's "IN @list": with Npgsql Dapper sends a list as one array parameter, which IN does not take.
    public static async Task<bool> AnyWithClientIdAsync(DbConnection c, DbTransaction? tx, long conversationId, string first, string second,
        CancellationToken cancellationToken) =>
        await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM messages WHERE conversation_id = @conversationId AND client_message_id IN (@first, @second)",
            new { conversationId, first, second }, tx, cancellationToken: cancellationToken)) > 0;

    /// <summary>Whether the bot wrote in the conversation after <paramref name="seq"/>, other than message <paramref name="except"/>.</summary>
    public static async Task<bool> BotRepliedAfterAsync(DbConnection c, DbTransaction? tx, long conversationId, long seq, string except,
        CancellationToken cancellationToken) =>
        await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM messages WHERE conversation_id = @conversationId AND sender_role = @Bot AND seq > @seq AND client_message_id <> @except",
            new { conversationId, Bot, seq, except }, tx, cancellationToken: cancellationToken)) > 0;

    /// <summary>When the customer last wrote in the conversation (ms), or null.</summary>
    public static Task<long?> LastCustomerMessageAtAsync(WriteContext w, long conversationId) => w.QuerySingleOrDefaultAsync<long?>(
        "SELECT MAX(created_at) FROM messages WHERE conversation_id = @conversationId AND sender_role = @Customer", new { conversationId, Customer }, w.CancellationToken);

    /// <summary>The first team message of an inbox's conversations with this channel id (a WhatsApp wamid).</summary>
    public static Task<MessageRow?> FindOutboundByExternalIdAsync(WriteContext w, long inboxId, string externalId) => w.QuerySingleOrDefaultAsync<MessageRow>($"""
        SELECT {MessageRow.Columns} FROM messages WHERE id = (
            SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id
            WHERE m.workspace_id = @WorkspaceId AND m.external_id = @externalId AND c.inbox_id = @inboxId AND m.sender_role <> @Customer
            ORDER BY m.id LIMIT 1)
        """, new { w.WorkspaceId, externalId, inboxId, Customer }, w.CancellationToken);

    public static Task SetExternalIdAsync(WriteContext w, long id, string externalId) =>
        w.ExecuteAsync("UPDATE messages SET external_id = @externalId WHERE id = @id", new { externalId, id }, w.CancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> messages after the ordinal <paramref name="after"/> (oldest first), else before
    /// <paramref name="before"/> or from the newest (newest first).
    /// </summary>
    public static async Task<List<MessageRow>> PageAsync(DbConnection c, DbTransaction? tx, long conversationId, bool withNotes, long? before, long? after, int limit,
        CancellationToken cancellationToken)
    {
        var notes = withNotes ? "" : " AND is_note = @noNotes";
        var range = (after is null ? "" : " AND ordinal > @after") + (before is null ? "" : " AND ordinal < @before");
        // Newest first unless only `after` is given: with both, a client fills a gap in its history from the top down.
        var order = after is not null && before is null ? "ASC" : "DESC";
        return (await c.QueryAsync<MessageRow>(new CommandDefinition(
            $"SELECT {MessageRow.Columns} FROM messages WHERE conversation_id = @conversationId{notes}{range} ORDER BY ordinal {order} LIMIT {limit}",
            new { conversationId, noNotes = false, before, after }, tx, cancellationToken: cancellationToken))).ToList();
    }
}
