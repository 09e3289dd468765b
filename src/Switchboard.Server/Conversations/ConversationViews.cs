using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Server.Events;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Conversations;

/// <summary>The team's and the visitor's views of a conversation, and its <c>conversation.updated</c> event.</summary>
public static class ConversationViews
{
    public static ConversationResponse ForTeam(ConversationRecord r)
    {
        var c = r.Conversation;
        return new ConversationResponse(c.Id, c.InboxId, r.Contact, c.State, c.BotActive, c.AssigneeId, c.MessageCount,
            c.LastMessageAt, c.LastMessagePreview, c.UnreadCount, c.HandoffReason, c.QueuedAt, c.Version, c.CreatedAt, c.UpdatedAt);
    }

    public static ConversationResponse ForVisitor(ConversationRecord r)
    {
        var c = r.Conversation;
        return new ConversationResponse(c.Id, c.InboxId, r.Contact, c.State, c.BotActive, null, c.MessageCount,
            c.LastMessageAt, c.LastMessagePreview, c.ContactUnreadCount, null, null, c.Version, c.CreatedAt, c.UpdatedAt);
    }

    public static ConversationResponse For(Auth.Caller caller, ConversationRecord r) => caller.IsVisitor ? ForVisitor(r) : ForTeam(r);

    /// <summary>Stores a transition's snapshot and appends its event; a transition that changed nothing writes nothing.</summary>
    public static async Task<ConversationRecord> CommitAsync(WriteContext w, ConversationRecord record, Transition t, Actor actor, string? mutationId = null)
    {
        if (ConversationMachine.IsNoOp(record.Conversation, t)) return record;
        var after = record.With(t.Next);
        await ConversationStore.UpdateAsync(w, record.Conversation, t.Next);
        await AppendAsync(w, after, t.Change, actor, mutationId);
        return after;
    }

    /// <summary>Appends <c>conversation.updated</c> (or <paramref name="type"/>) carrying both views of the snapshot.</summary>
    public static Task<long> AppendAsync(WriteContext w, ConversationRecord r, ConversationChange change, Actor actor,
        string? mutationId = null, string type = EventTypes.ConversationUpdated) =>
        w.AppendAsync(new EventDraft(type, r.Conversation.Id, r.Conversation.ContactId,
            new ConversationEventData(ForTeam(r), change), new ConversationEventData(ForVisitor(r), change),
            r.Conversation.Version, actor, mutationId));
}

/// <summary>The data of <c>conversation.updated</c> and <c>conversation.read</c>: the snapshot and what changed it.</summary>
public sealed record ConversationEventData(ConversationResponse Conversation, ConversationChange Change);
