using Switchboard.Core.Conversations;

namespace Switchboard.Server.Conversations;

/// <summary>The team's and the visitor's views of a conversation (what its events and answers carry).</summary>
public static class ConversationViews
{
    public static ConversationResponse ForTeam(ConversationRecord r)
    {
        var c = r.Conversation;
        return new ConversationResponse(c.Id, c.InboxId, r.Contact, c.State, c.BotActive, c.AssigneeId, c.MessageCount,
            c.LastMessageAt, c.LastMessagePreview, c.UnreadCount, c.HandoffReason, c.QueuedAt, c.Version, c.CreatedAt, c.UpdatedAt, c.LabelIds,
            c.SnoozedUntil, c.SnoozeUntilReply, c.WakeReason);
    }

    /// <summary>Snooze and its marker are the team's business: the visitor's view leaves them at their defaults.</summary>
    public static ConversationResponse ForVisitor(ConversationRecord r)
    {
        var c = r.Conversation;
        return new ConversationResponse(c.Id, c.InboxId, r.Contact with { Attributes = null }, c.State, c.BotActive, null, c.MessageCount,
            c.LastMessageAt, c.LastMessagePreview, c.ContactUnreadCount, null, null, c.Version, c.CreatedAt, c.UpdatedAt);
    }

    public static ConversationResponse For(Auth.Caller caller, ConversationRecord r) => caller.IsVisitor ? ForVisitor(r) : ForTeam(r);
}

/// <summary>The data of <c>conversation.updated</c> and <c>conversation.read</c>: the snapshot and what changed it.</summary>
public sealed record ConversationEventData(ConversationResponse Conversation, ConversationChange Change);
