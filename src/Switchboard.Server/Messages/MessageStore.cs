using Switchboard.Core.Messages;
using Switchboard.Server.Common;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Messages;

public static partial class MessageStore
{
    public static Task<MessageRow?> FindByClientIdAsync(WriteContext w, long conversationId, string clientMessageId) =>
        w.QuerySingleOrDefaultAsync<MessageRow>(
            $"SELECT {MessageRow.Columns} FROM messages WHERE conversation_id = @conversationId AND client_message_id = @clientMessageId",
            new { conversationId, clientMessageId }, w.CancellationToken);

    /// <summary>
    /// Inserts the message as the conversation's next ordinal, found by the insert itself (one statement, one round trip):
    /// writers of a workspace are serialized, so nobody can take the same ordinal meanwhile.
    /// </summary>
    public static async Task<MessageRow> InsertAsync(WriteContext w, MessageRow m)
    {
        (m.Id, m.Ordinal) = await w.QuerySingleAsync<(long, long)>("""
            INSERT INTO messages (workspace_id, conversation_id, ordinal, client_message_id, sender_role, sender_id, sender_name, text,
                is_note, status, error, handled_by_operator_id, seq, version, created_at, updated_at, kind, media_id, details, external_id)
            SELECT @WorkspaceId, @ConversationId, COALESCE(MAX(ordinal), 0) + 1, @ClientMessageId, @SenderRole, @SenderId, @SenderName, @Text,
                @IsNote, @Status, @Error, @HandledByOperatorId, @Seq, @Version, @CreatedAt, @UpdatedAt, @Kind, @MediaId, @Details, @ExternalId
            FROM messages WHERE conversation_id = @ConversationId
            RETURNING id, ordinal
            """, m, w.CancellationToken);
        return m;
    }

    public static Task UpdateStatusAsync(WriteContext w, MessageRow m) => w.ExecuteAsync(
        "UPDATE messages SET status = @Status, error = @Error, version = @Version, updated_at = @UpdatedAt WHERE id = @Id", m, w.CancellationToken);

    public static string Preview(string text) => text.Length <= 140 ? text : text[..140];

    public static string StatusText(DeliveryStatus status) => EnumText.ToText(status);
}
