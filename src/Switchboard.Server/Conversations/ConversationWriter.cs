using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Server.EventLog;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Conversations;

/// <summary>Writes a conversation's change: its new snapshot and the event that carries both views of it.</summary>
public static class ConversationWriter
{
    /// <summary>Stores a transition's snapshot and appends its event; a transition that changed nothing writes nothing.</summary>
    public static async Task<ConversationRecord> SaveTransitionAsync(WriteContext w, ConversationRecord record, Transition t, Actor actor, string? mutationId = null)
    {
        if (ConversationMachine.IsNoOp(record.Conversation, t)) return record;
        var after = record.With(t.Next);
        await ConversationStore.UpdateAsync(w, record.Conversation, t.Next);
        await AppendEventAsync(w, after, t.Change, actor, mutationId);
        return after;
    }

    /// <summary>Appends <c>conversation.updated</c> (or <paramref name="type"/>) carrying both views of the snapshot.</summary>
    public static Task<long> AppendEventAsync(WriteContext w, ConversationRecord r, ConversationChange change, Actor actor,
        string? mutationId = null, string type = EventTypes.ConversationUpdated) =>
        w.AppendAsync(new EventDraft(type, r.Conversation.Id, r.Conversation.ContactId,
            new ConversationEventData(ConversationViews.ForTeam(r), change), new ConversationEventData(ConversationViews.ForVisitor(r), change),
            r.Conversation.Version, actor, mutationId) { InboxId = r.Conversation.InboxId });

    /// <summary>Creates a conversation and appends its <c>conversation.updated</c> (change <c>created</c>).</summary>
    public static async Task<ConversationRecord> StartAsync(WriteContext w, long inboxId, long contactId, Actor actor)
    {
        var settings = await WorkspaceStore.GetSettingsAsync(w);
        var draft = ConversationMachine.Start(0, w.WorkspaceId, inboxId, contactId, settings, w.Now);
        var id = await ConversationStore.InsertAsync(w, draft);
        var record = (await ConversationStore.FindAsync(w, id))!;
        await AppendEventAsync(w, record, ConversationChange.Created, actor);
        return record;
    }
}
