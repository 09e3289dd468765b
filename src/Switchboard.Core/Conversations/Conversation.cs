namespace Switchboard.Core.Conversations;

/// <summary>A conversation snapshot. Immutable: every transition returns a new one with <see cref="Version"/> + 1.</summary>
public sealed record Conversation
{
    public required long Id { get; init; }
    public required long WorkspaceId { get; init; }
    public required long InboxId { get; init; }
    public required long ContactId { get; init; }
    public required ConversationState State { get; init; }
    public required bool BotActive { get; init; }
    public long? AssigneeId { get; init; }
    public int MessageCount { get; init; }
    public DateTimeOffset? LastMessageAt { get; init; }
    /// <summary>The start of the newest message, for inbox lists; set by whoever stores the message.</summary>
    public string? LastMessagePreview { get; init; }
    /// <summary>Customer messages the team has not read yet.</summary>
    public int UnreadCount { get; init; }
    /// <summary>Operator and bot messages the customer has not read yet.</summary>
    public int ContactUnreadCount { get; init; }
    /// <summary>Why the bot handed off, shown to operators; cleared when the conversation is resolved.</summary>
    public string? HandoffReason { get; init; }
    /// <summary>Seq of the event that stored the newest customer message (the <c>seenSeq</c> race compares against it).</summary>
    public long LastCustomerMessageSeq { get; init; }
    /// <summary>When the conversation last entered the queue; the queue serves oldest first.</summary>
    public DateTimeOffset? QueuedAt { get; init; }
    /// <summary>The workspace labels on it (team only), ascending ids; carried by every snapshot so no event drops them.</summary>
    public LabelIdSet LabelIds { get; init; } = LabelIdSet.Empty;
    /// <summary>A timed snooze: the conversation sleeps until this instant (or until the customer writes, whichever comes first).</summary>
    public DateTimeOffset? SnoozedUntil { get; init; }
    /// <summary>Snoozed with no time: only the customer's next message wakes it.</summary>
    public bool SnoozeUntilReply { get; init; }
    /// <summary>The marker of the last wake (why it came back), until a member answers, resolves, snoozes again or dismisses it.</summary>
    public WakeReason? WakeReason { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>True while a conversation is not resolved.</summary>
    public bool IsOpen => State != ConversationState.Resolved;

    /// <summary>True while a conversation sleeps: it is out of the active lists and the queue.</summary>
    public bool IsSnoozed => SnoozedUntil is not null || SnoozeUntilReply;
}
