using Switchboard.Core.Events;
using Switchboard.Core.Messages;
using Switchboard.Server.Common;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Messages;

/// <summary>
/// Moves one message's delivery status from a channel's report (DESIGN §1 property 6): only forward, failed only from
/// sending or sent, so reports that arrive late, twice or out of order change nothing. Each change appends
/// <c>message.status</c> in the caller's transaction.
/// </summary>
public static class MessageStatusWriter
{
    /// <summary>Applies <paramref name="to"/> (with <paramref name="error"/> when it is failed); false when it would not move the status.</summary>
    public static async Task<bool> ApplyAsync(WriteContext w, MessageRow message, long contactId, long? inboxId, DeliveryStatus to, string? error, Actor actor)
    {
        if (!DeliveryStatusRules.Advances(EnumText.Parse<DeliveryStatus>(message.Status), to)) return false;
        message.Status = EnumText.ToText(to);
        if (to == DeliveryStatus.Failed) message.Error = error;
        message.Version++;
        message.UpdatedAt = w.NowMs;
        await MessageStore.UpdateStatusAsync(w, message);
        // The whole message, attachments included: clients replace their copy by version.
        var data = new MessageEventData(message.ToResponse(await Attachments.MessageAttachments.ForMessageAsync(w, message.Id)), null);
        await w.AppendAsync(new EventDraft(EventTypes.MessageStatus, message.ConversationId, contactId, data, message.IsNote ? null : data, message.Version, actor) { InboxId = inboxId });
        return true;
    }
}
