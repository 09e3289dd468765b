using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Core.Messages;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Messages;

/// <summary>
/// Delivered and read receipts. A receipt from one side moves the statuses of the other side's messages
/// forward (never back), moves that side's read marker and recomputes its unread count.
/// </summary>
public sealed class ReceiptService(EventLogWriter eventLog)
{
    public Task<ConversationWriteResponse> ApplyAsync(Caller caller, long conversationId, ReceiptRequest request, CancellationToken cancellationToken)
    {
        var status = EnumText.ParseInput<DeliveryStatus>(request.Status, "status");
        if (status is not (DeliveryStatus.Delivered or DeliveryStatus.Read))
            throw new DomainException("status_invalid", "A receipt's status is delivered or read.", DomainErrorKind.Invalid);
        if (request.UpToMessageId is not { } upToId)
            throw new DomainException("up_to_message_id_invalid", "upToMessageId is required.", DomainErrorKind.Invalid);

        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var record = await ConversationStore.GetVisibleAsync(w.Connection, w.Transaction, caller, conversationId);
            var upTo = await MessageStore.OrdinalAsync(w, conversationId, upToId) ?? throw new DomainException("message_not_found", "upToMessageId is not a message of this conversation.", DomainErrorKind.NotFound);

            var candidates = (await MessageStore.FromOtherSideAsync(w, conversationId, upTo, caller.IsVisitor)).ToList();
            // The events carry whole messages, attachments included (clients replace their copy by version): read them in one query.
            var attachments = await Attachments.AttachmentStore.ForMessagesAsync(w.Connection, w.Transaction, conversationId,
                candidates.Where(m => DeliveryStatusRules.Advances(EnumText.Parse<DeliveryStatus>(m.Status), status)).Select(m => m.Id).ToList(), w.CancellationToken);
            foreach (var message in candidates)
            {
                var current = EnumText.Parse<DeliveryStatus>(message.Status);
                if (!DeliveryStatusRules.Advances(current, status)) continue;
                message.Status = EnumText.ToText(status);
                message.Version++;
                message.UpdatedAt = w.NowMs;
                await MessageStore.UpdateStatusAsync(w, message);
                var data = new MessageEventData(message.ToResponse(Attachments.MessageAttachments.Responses(attachments[message.Id])), null);
                await w.AppendAsync(new EventDraft(EventTypes.MessageStatus, conversationId, record.Conversation.ContactId,
                    data, message.IsNote ? null : data, message.Version, caller.Actor) { InboxId = record.Conversation.InboxId });
            }

            var before = record.Conversation;
            var after = record;
            if (status == DeliveryStatus.Read)
            {
                await ConversationStore.AdvanceReadMarkerAsync(w, conversationId, caller.IsVisitor, upTo);
                var stillUnread = await MessageStore.UnreadByAsync(w, conversationId, caller.IsVisitor);
                var t = caller.IsVisitor
                    ? ConversationMachine.MarkReadByContact(before, stillUnread, w.Now)
                    : ConversationMachine.MarkReadByTeam(before, stillUnread, w.Now);
                if (t.Next.Version != before.Version)
                {
                    after = record.With(t.Next);
                    await ConversationStore.UpdateAsync(w, before, t.Next);
                    await ConversationWriter.AppendEventAsync(w, after, ConversationChange.Read, caller.Actor, type: EventTypes.ConversationRead);
                }
            }
            else if (caller.IsVisitor)
                await ConversationStore.AdvanceDeliveredMarkerAsync(w, conversationId, upTo);

            return new ConversationWriteResponse(ConversationViews.For(caller, after), w.LastSeq, Replayed: false);
        }, cancellationToken);
    }
}
