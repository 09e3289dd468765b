namespace Switchboard.Core.Conversations;

/// <summary>Where a conversation stands (DESIGN §3). Serialized in snake_case: <c>waiting_customer</c>.</summary>
public enum ConversationState
{
    /// <summary>The bot is answering.</summary>
    Bot,
    /// <summary>Needs a human, waiting for assignment.</summary>
    Queued,
    /// <summary>An operator owns it; the customer waits for that operator.</summary>
    Assigned,
    /// <summary>An operator replied; waiting for the customer.</summary>
    WaitingCustomer,
    /// <summary>Closed; a new customer message reopens it.</summary>
    Resolved,
}
