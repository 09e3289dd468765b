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
}
