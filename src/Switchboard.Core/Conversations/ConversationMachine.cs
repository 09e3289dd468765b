using Switchboard.Core.Workspaces;

namespace Switchboard.Core.Conversations;

/// <summary>
/// The conversation state machine of DESIGN §3 as pure functions: each takes a snapshot and returns
/// the next one (version + 1) and the change to record, or throws a <see cref="DomainException"/>.
/// Storage, events and authorization live elsewhere; this class decides only what is allowed.
/// </summary>
public static class ConversationMachine
{
    public static Conversation Start(long id, long workspaceId, long inboxId, long contactId, WorkspaceSettings settings, DateTimeOffset now) => new()
    {
        Id = id,
        WorkspaceId = workspaceId,
        InboxId = inboxId,
        ContactId = contactId,
        State = settings.BotEnabled ? ConversationState.Bot : ConversationState.Queued,
        BotActive = settings.BotEnabled,
        QueuedAt = settings.BotEnabled ? null : now,
        Version = 1,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>A customer wrote. <paramref name="seq"/> is the seq of the event that stores the message.</summary>
    public static Transition CustomerMessage(Conversation c, WorkspaceSettings settings, long seq, DateTimeOffset now)
    {
        var next = c.State switch
        {
            ConversationState.WaitingCustomer when c.AssigneeId is not null => c with { State = ConversationState.Assigned },
            ConversationState.WaitingCustomer => Enqueue(c, now),
            ConversationState.Resolved when settings.ReopenTo == ReopenTarget.Bot && settings.BotEnabled =>
                c with { State = ConversationState.Bot, BotActive = true, AssigneeId = null, QueuedAt = null },
            ConversationState.Resolved => Enqueue(c with { AssigneeId = null }, now),
            _ => c,
        };
        // A customer writing always wakes a snoozed conversation, in the same step that stores the message.
        next = Snoozing.WakeOnCustomerMessage(next) with
        {
            MessageCount = c.MessageCount + 1,
            LastMessageAt = now,
            UnreadCount = c.UnreadCount + 1,
            LastCustomerMessageSeq = seq,
        };
        return Step(next, ConversationChange.CustomerMessage, now);
    }

    /// <summary>
    /// An operator wrote. <paramref name="seenSeq"/> is the highest seq the operator's client had applied
    /// when they pressed send; null means "unknown", which never counts as a race. <paramref name="operatorId"/>
    /// is null for an integration (API key), which answers without becoming the assignee.
    /// </summary>
    public static Transition OperatorMessage(Conversation c, long? operatorId, WorkspaceSettings settings, long? seenSeq, DateTimeOffset now)
    {
        var takeover = c.BotActive;
        var customerWroteMeanwhile = seenSeq is { } seen && c.LastCustomerMessageSeq > seen;
        // Whoever answers an unowned conversation owns it; taking over from the bot always does.
        var assignee = takeover ? operatorId ?? c.AssigneeId : c.AssigneeId ?? operatorId;

        Conversation next;
        if (customerWroteMeanwhile)
        {
            // The customer is still waiting for an answer to what the operator had not seen:
            // keep the operator on the chat instead of releasing it.
            next = c with { State = ConversationState.Assigned, AssigneeId = assignee, QueuedAt = null };
        }
        else
        {
            next = c with
            {
                State = ConversationState.WaitingCustomer,
                AssigneeId = settings.ReleaseOnReply ? null : assignee,
                QueuedAt = null,
            };
        }
        next = next with
        {
            BotActive = false,
            HandoffReason = takeover ? null : c.HandoffReason,
            // Answering is dealing with it: the wake marker goes (a snooze stays, so a "back tomorrow" reply can precede it).
            WakeReason = null,
            MessageCount = c.MessageCount + 1,
            LastMessageAt = now,
            ContactUnreadCount = c.ContactUnreadCount + 1,
        };
        var change = takeover ? ConversationChange.Takeover : ConversationChange.OperatorMessage;
        return Step(next, change, now) with { CustomerWroteMeanwhile = customerWroteMeanwhile };
    }

    /// <summary>The bot wrote; only the counters move.</summary>
    public static Transition BotMessage(Conversation c, DateTimeOffset now)
    {
        if (!c.BotActive) throw new DomainException("bot_inactive", "The bot is switched off in this conversation.");
        var next = c with
        {
            MessageCount = c.MessageCount + 1,
            LastMessageAt = now,
            ContactUnreadCount = c.ContactUnreadCount + 1,
        };
        return Step(next, ConversationChange.BotMessage, now);
    }

    public static Transition SetBotActive(Conversation c, bool on, DateTimeOffset now)
    {
        RequireOpen(c);
        if (c.BotActive == on) return new Transition(c, on ? ConversationChange.BotOn : ConversationChange.BotOff);
        if (on)
            return Step(c with { State = ConversationState.Bot, BotActive = true, QueuedAt = null }, ConversationChange.BotOn, now);

        var next = c.State == ConversationState.Bot
            ? c.AssigneeId is null ? Enqueue(c, now) : c with { State = ConversationState.Assigned }
            : c;
        return Step(next with { BotActive = false }, ConversationChange.BotOff, now);
    }

    /// <summary>The bot gives up (low confidence, the customer asked for a human, error, timeout).</summary>
    public static Transition Handoff(Conversation c, string reason, DateTimeOffset now)
    {
        if (c.State != ConversationState.Bot)
            throw new DomainException("conversation_not_bot", "Only a conversation the bot is answering can be handed off.");
        var next = c.AssigneeId is null ? Enqueue(c, now) : c with { State = ConversationState.Assigned };
        return Step(next with { BotActive = false, HandoffReason = reason }, ConversationChange.Handoff, now);
    }

    public static Transition Claim(Conversation c, long memberId, DateTimeOffset now)
    {
        // The same operator claiming again (a second tab, a fresh click after a reload): it is theirs already, which
        // is what they asked for. Nothing changes; refusing would tell them someone else took it.
        if (c.AssigneeId == memberId && c.State is ConversationState.Assigned or ConversationState.WaitingCustomer)
            return new Transition(c, ConversationChange.Claimed);
        if (c.State != ConversationState.Queued)
            throw new DomainException("conversation_not_queued", "The conversation is no longer waiting in the queue.");
        return Step(c with { State = ConversationState.Assigned, AssigneeId = memberId, QueuedAt = null }, ConversationChange.Claimed, now);
    }

    public static Transition Assign(Conversation c, long memberId, DateTimeOffset now)
    {
        RequireOpen(c);
        if (c.AssigneeId == memberId && c.State != ConversationState.Queued && !c.BotActive)
            return new Transition(c, ConversationChange.Assigned);
        // Assigning a person means a person answers: the bot steps back.
        var state = c.State is ConversationState.WaitingCustomer ? c.State : ConversationState.Assigned;
        return Step(c with { State = state, AssigneeId = memberId, BotActive = false, QueuedAt = null }, ConversationChange.Assigned, now);
    }

    public static Transition Unassign(Conversation c, DateTimeOffset now)
    {
        if (c.AssigneeId is null) return new Transition(c, ConversationChange.Unassigned);
        var next = c.State == ConversationState.Assigned ? Enqueue(c, now) : c;
        return Step(next with { AssigneeId = null }, ConversationChange.Unassigned, now);
    }

    /// <summary>The assignee went idle: their open conversations go back to the queue.</summary>
    public static Transition IdleRelease(Conversation c, DateTimeOffset now)
    {
        if (c.AssigneeId is null || !c.IsOpen || c.BotActive) return new Transition(c, ConversationChange.IdleRelease);
        return Step(Enqueue(c, now) with { AssigneeId = null }, ConversationChange.IdleRelease, now);
    }

    public static Transition Resolve(Conversation c, DateTimeOffset now)
    {
        if (!c.IsOpen) return new Transition(c, ConversationChange.Resolved);
        return Step(Snoozing.Settle(c) with { State = ConversationState.Resolved, BotActive = false, QueuedAt = null, HandoffReason = null },
            ConversationChange.Resolved, now);
    }

    /// <summary>An operator reopens a resolved conversation: it needs a human, so it goes to its assignee or the queue.</summary>
    public static Transition Reopen(Conversation c, DateTimeOffset now)
    {
        if (c.IsOpen) return new Transition(c, ConversationChange.Reopened);
        var next = c.AssigneeId is null ? Enqueue(c, now) : c with { State = ConversationState.Assigned };
        return Step(next, ConversationChange.Reopened, now);
    }

    /// <summary>The team read the conversation; <paramref name="stillUnread"/> customer messages remain after their marker.</summary>
    public static Transition MarkReadByTeam(Conversation c, int stillUnread, DateTimeOffset now) =>
        c.UnreadCount == stillUnread
            ? new Transition(c, ConversationChange.Read)
            : Step(c with { UnreadCount = stillUnread }, ConversationChange.Read, now);

    /// <summary>The customer read the conversation; <paramref name="stillUnread"/> team messages remain after their marker.</summary>
    public static Transition MarkReadByContact(Conversation c, int stillUnread, DateTimeOffset now) =>
        c.ContactUnreadCount == stillUnread
            ? new Transition(c, ConversationChange.Read)
            : Step(c with { ContactUnreadCount = stillUnread }, ConversationChange.Read, now);

    /// <summary>True when a transition changed nothing, so no event must be written.</summary>
    public static bool IsNoOp(Conversation before, Transition t) => ReferenceEquals(before, t.Next) || before.Version == t.Next.Version;

    static Conversation Enqueue(Conversation c, DateTimeOffset now) =>
        c with { State = ConversationState.Queued, BotActive = false, QueuedAt = c.State == ConversationState.Queued ? c.QueuedAt : now };

    static void RequireOpen(Conversation c)
    {
        if (!c.IsOpen)
            throw new DomainException("conversation_resolved", "The conversation is resolved; reopen it first.");
    }

    static Transition Step(Conversation next, ConversationChange change, DateTimeOffset now) =>
        new(next with { Version = next.Version + 1, UpdatedAt = now }, change);
}
