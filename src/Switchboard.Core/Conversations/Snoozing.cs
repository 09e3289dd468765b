namespace Switchboard.Core.Conversations;

/// <summary>
/// Snooze as pure steps on a snapshot (docs/workflow.md, "Snooze"). Snoozing keeps the state, the assignee and the
/// place in the queue: a snoozed conversation only leaves the active lists, the queue and automatic assignment, and
/// comes back exactly where it was, with a <see cref="WakeReason"/> marker.
/// </summary>
public static class Snoozing
{
    /// <summary>The furthest a snooze may reach: further than that is a forgotten conversation, not a snooze.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(365);

    /// <summary>Snoozes until <paramref name="until"/>, or, when it is null, until the customer writes.</summary>
    public static Transition Snooze(Conversation c, DateTimeOffset? until, DateTimeOffset now)
    {
        if (!c.IsOpen)
            throw new DomainException("conversation_resolved", "The conversation is resolved; only open conversations can be snoozed.");
        if (until is { } u && (u <= now || u > now + MaxDuration))
            throw new DomainException("snooze_until_invalid", "until must be in the future and at most 365 days ahead.", DomainErrorKind.Invalid);
        // Stored at millisecond precision, as the database keeps it, so the wake job finds the very instant it was given.
        var at = until is { } t ? DateTimeOffset.FromUnixTimeMilliseconds(t.ToUnixTimeMilliseconds()) : (DateTimeOffset?)null;
        if (c.SnoozedUntil == at && c.SnoozeUntilReply == (at is null) && c.WakeReason is null)
            return new Transition(c, ConversationChange.Snoozed);
        return Step(c with { SnoozedUntil = at, SnoozeUntilReply = at is null, WakeReason = null }, ConversationChange.Snoozed, now);
    }

    /// <summary>Wakes by hand (no marker: the member knows), or dismisses the marker of an earlier wake.</summary>
    public static Transition Unsnooze(Conversation c, DateTimeOffset now) =>
        !c.IsSnoozed && c.WakeReason is null
            ? new Transition(c, ConversationChange.Unsnoozed)
            : Step(Clear(c) with { WakeReason = null }, ConversationChange.Unsnoozed, now);

    /// <summary>
    /// The wake job of the snooze that ends at <paramref name="until"/>. A re-snooze or an unsnooze since then left another
    /// (or no) time behind, so this job is a no-op: the stored time, not the job's existence, decides.
    /// </summary>
    public static Transition WakeOnTime(Conversation c, DateTimeOffset until, DateTimeOffset now) =>
        c.SnoozedUntil == until && c.IsOpen
            ? Step(Clear(c) with { WakeReason = Conversations.WakeReason.SnoozeEnded }, ConversationChange.Woken, now)
            : new Transition(c, ConversationChange.Woken);

    /// <summary>A customer message wakes a snoozed conversation with the <c>customer_replied</c> marker (part of its own step).</summary>
    public static Conversation WakeOnCustomerMessage(Conversation c) =>
        c.IsSnoozed ? Clear(c) with { WakeReason = Conversations.WakeReason.CustomerReplied } : c;

    /// <summary>Ends any snooze and drops the marker: an answer or a resolution means someone dealt with it.</summary>
    public static Conversation Settle(Conversation c) => c.IsSnoozed || c.WakeReason is not null ? Clear(c) with { WakeReason = null } : c;

    static Conversation Clear(Conversation c) => c with { SnoozedUntil = null, SnoozeUntilReply = false };

    static Transition Step(Conversation next, ConversationChange change, DateTimeOffset now) =>
        new(next with { Version = next.Version + 1, UpdatedAt = now }, change);
}
