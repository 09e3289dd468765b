using Switchboard.Core.Messages;
using Switchboard.Server.Common;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Messages;

/// <summary>What a receipt reads: the messages one side acknowledges, and what that side still has unread.</summary>
public static partial class MessageStore
{
    /// <summary>The position of a message in its conversation, or null when it is not one of the conversation's.</summary>
    public static Task<long?> OrdinalAsync(WriteContext w, long conversationId, long id) => w.QuerySingleOrDefaultAsync<long?>(
        "SELECT ordinal FROM messages WHERE id = @id AND conversation_id = @conversationId", new { id, conversationId }, w.CancellationToken);

    /// <summary>The messages up to <paramref name="upTo"/> that the reader acknowledges: the other side's, in order.</summary>
    public static Task<IEnumerable<MessageRow>> FromOtherSideAsync(WriteContext w, long conversationId, long upTo, bool readerIsVisitor) => w.QueryAsync<MessageRow>(
        $"SELECT {MessageRow.Columns} FROM messages WHERE conversation_id = @conversationId AND ordinal <= @upTo AND {OtherSide(readerIsVisitor, "")} ORDER BY ordinal",
        new { conversationId, upTo, Customer, noNotes = false }, w.CancellationToken);

    /// <summary>How many of the other side's messages lie beyond the reader's read marker (stored on the conversation).</summary>
    public static Task<int> UnreadByAsync(WriteContext w, long conversationId, bool readerIsVisitor)
    {
        var marker = readerIsVisitor ? "c.contact_read_ordinal" : "c.team_read_ordinal";
        return w.QuerySingleAsync<int>($"""
            SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id
            WHERE m.conversation_id = @conversationId AND m.ordinal > {marker} AND {OtherSide(readerIsVisitor, "m.")}
            """, new { conversationId, Customer, noNotes = false }, w.CancellationToken);
    }

    /// <summary>The visitor acknowledges what the team wrote (never its internal notes); the team what the customer wrote.</summary>
    static string OtherSide(bool readerIsVisitor, string alias) => readerIsVisitor
        ? $"{alias}sender_role <> @Customer AND {alias}is_note = @noNotes"
        : $"{alias}sender_role = @Customer";
}
