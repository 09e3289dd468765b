namespace Switchboard.Core.Conversations;

/// <summary>What made a conversation change; carried on its <c>conversation.updated</c> event so clients can explain it.</summary>
public enum ConversationChange
{
    Created,
    CustomerMessage,
    OperatorMessage,
    BotMessage,
    Takeover,
    BotOn,
    BotOff,
    Handoff,
    Claimed,
    Assigned,
    Unassigned,
    Resolved,
    Reopened,
    IdleRelease,
    Read,
    /// <summary>An anonymous visitor identified themselves: their conversation moved to their verified contact.</summary>
    ContactIdentified,
    /// <summary>Labels were added to or removed from it (or a label it carried was deleted).</summary>
    LabelsChanged,
    /// <summary>A member snoozed the conversation (until a time or until the customer writes).</summary>
    Snoozed,
    /// <summary>A member woke the conversation by hand, or dismissed its wake marker.</summary>
    Unsnoozed,
    /// <summary>A timed snooze ended (the customer writing wakes it through <see cref="CustomerMessage"/>).</summary>
    Woken,
    /// <summary>A team member edited its contact's name or email (the snapshot carries the new contact summary).</summary>
    ContactUpdated,
    /// <summary>Its contact was merged into another: the conversation now belongs to the kept contact.</summary>
    ContactMerged,
}
