using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Core.Messages;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Events;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Messages;

/// <summary>
/// Delivered and read receipts. A receipt from one side moves the statuses of the other side's messages
/// forward (never back), moves that side's read marker and recomputes its unread count.
/// </summary>
public sealed class ReceiptService(Database database)
{
    public Task<ConversationWriteResponse> ApplyAsync(Caller caller, long conversationId, ReceiptRequest request, CancellationToken cancellationToken)
    {
        var status = EnumText.ParseInput<DeliveryStatus>(request.Status, "status");
        if (status is not (DeliveryStatus.Delivered or DeliveryStatus.Read))
            throw new DomainException("status_invalid", "A receipt's status is delivered or read.", DomainErrorKind.Invalid);
        if (request.UpToMessageId is not { } upToId)
            throw new DomainException("up_to_message_id_invalid", "upToMessageId is required.", DomainErrorKind.Invalid);

        return database.WriteAsync(caller.WorkspaceId, async w =>
        {
            var record = await ConversationStore.GetVisibleAsync(w.Connection, w.Transaction, caller, conversationId);
            var upTo = await w.QuerySingleOrDefaultAsync<long?>(
                "SELECT ordinal FROM messages WHERE id = @upToId AND conversation_id = @conversationId", new { upToId, conversationId })
                ?? throw new DomainException("message_not_found", "upToMessageId is not a message of this conversation.", DomainErrorKind.NotFound);

            // The visitor acknowledges what the team wrote; the team acknowledges what the customer wrote.
            var otherSide = caller.IsVisitor ? "sender_role <> @customer AND is_note = @noNotes" : "sender_role = @customer";
            var candidates = await w.QueryAsync<MessageRow>(
                $"SELECT {MessageRow.Columns} FROM messages WHERE conversation_id = @conversationId AND ordinal <= @upTo AND {otherSide} ORDER BY ordinal",
                new { conversationId, upTo, customer = EnumText.ToText(SenderRole.Customer), noNotes = false });
            foreach (var message in candidates)
            {
                var current = EnumText.Parse<DeliveryStatus>(message.Status);
                if (!DeliveryStatusRules.Advances(current, status)) continue;
                message.Status = EnumText.ToText(status);
                message.Version++;
                message.UpdatedAt = w.NowMs;
                await MessageStore.UpdateStatusAsync(w, message);
                var data = new MessageEventData(message.ToResponse(), null);
                await w.AppendAsync(new EventDraft(EventTypes.MessageStatus, conversationId, record.Conversation.ContactId,
                    data, message.IsNote ? null : data, message.Version, caller.Actor));
            }

            var before = record.Conversation;
            var after = record;
            if (status == DeliveryStatus.Read)
            {
                var marker = caller.IsVisitor ? "contact_read_ordinal" : "team_read_ordinal";
                await w.ExecuteAsync($"UPDATE conversations SET {marker} = @upTo WHERE id = @conversationId AND {marker} < @upTo", new { upTo, conversationId });
                var stillUnread = await w.QuerySingleAsync<int>($"""
                    SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id
                    WHERE m.conversation_id = @conversationId AND m.ordinal > c.{marker} AND {otherSide.Replace("sender_role", "m.sender_role").Replace("is_note", "m.is_note")}
                    """, new { conversationId, customer = EnumText.ToText(SenderRole.Customer), noNotes = false });
                var t = caller.IsVisitor
                    ? ConversationMachine.MarkReadByContact(before, stillUnread, w.Now)
                    : ConversationMachine.MarkReadByTeam(before, stillUnread, w.Now);
                if (t.Next.Version != before.Version)
                {
                    after = record.With(t.Next);
                    await ConversationStore.UpdateAsync(w, before, t.Next);
                    await ConversationViews.AppendAsync(w, after, ConversationChange.Read, caller.Actor, type: EventTypes.ConversationRead);
                }
            }
            else if (caller.IsVisitor)
                await w.ExecuteAsync("UPDATE conversations SET contact_delivered_ordinal = @upTo WHERE id = @conversationId AND contact_delivered_ordinal < @upTo",
                    new { upTo, conversationId });

            return new ConversationWriteResponse(ConversationViews.For(caller, after), w.LastSeq, Replayed: false);
        }, cancellationToken);
    }
}
