namespace Switchboard.Core.Conversations;

/// <summary>Why a snoozed conversation came back (its wake marker). Serialized in snake_case: <c>customer_replied</c>.</summary>
public enum WakeReason
{
    /// <summary>The snooze's time came.</summary>
    SnoozeEnded,
    /// <summary>The customer wrote while it was snoozed.</summary>
    CustomerReplied,
}
