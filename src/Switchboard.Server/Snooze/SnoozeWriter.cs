using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Snooze;

/// <summary>
/// Stores a snooze step and appends its <c>conversation.updated</c> for the team only: a visitor must not learn that the
/// team put them aside (the change's name would say so), and their view of the conversation does not change anyway.
/// </summary>
static class SnoozeWriter
{
    public static async Task<ConversationRecord> SaveAsync(WriteContext w, ConversationRecord record, Transition t, Actor actor, string? mutationId = null)
    {
        if (ConversationMachine.IsNoOp(record.Conversation, t)) return record;
        var after = record.With(t.Next);
        await ConversationStore.UpdateAsync(w, record.Conversation, t.Next);
        await w.AppendAsync(new EventDraft(EventTypes.ConversationUpdated, t.Next.Id, t.Next.ContactId,
            new ConversationEventData(ConversationViews.ForTeam(after), t.Change), PublicData: null, t.Next.Version, actor, mutationId) { InboxId = t.Next.InboxId });
        return after;
    }
}
