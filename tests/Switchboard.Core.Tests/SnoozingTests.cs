using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Workspaces;

namespace Switchboard.Core.Tests;

public sealed class SnoozingTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    static readonly WorkspaceSettings NoBot = new() { BotEnabled = false };

    static Conversation Queued() => ConversationMachine.Start(1, 1, 1, 1, NoBot, T0);

    [Fact]
    public void SnoozingKeepsStateAssigneeAndQueuePlaceAndBumpsTheVersionOnce()
    {
        var c = Queued();
        var t = Snoozing.Snooze(c, T0.AddHours(1), T0);
        Assert.Equal((ConversationChange.Snoozed, c.Version + 1), (t.Change, t.Next.Version));
        Assert.Equal((ConversationState.Queued, c.QueuedAt, c.AssigneeId, T0.AddHours(1), false), (t.Next.State, t.Next.QueuedAt, t.Next.AssigneeId, t.Next.SnoozedUntil, t.Next.SnoozeUntilReply));
        Assert.True(t.Next.IsSnoozed);
        Assert.True(ConversationMachine.IsNoOp(t.Next, Snoozing.Snooze(t.Next, T0.AddHours(1), T0)));
        var byReply = Snoozing.Snooze(t.Next, null, T0).Next;
        Assert.Equal((null, true), (byReply.SnoozedUntil, byReply.SnoozeUntilReply));
    }

    [Fact]
    public void ATimeInThePastTooFarAheadOrAResolvedConversationIsRefused()
    {
        Assert.Equal("snooze_until_invalid", Assert.Throws<DomainException>(() => Snoozing.Snooze(Queued(), T0, T0)).Code);
        Assert.Equal("snooze_until_invalid", Assert.Throws<DomainException>(() => Snoozing.Snooze(Queued(), T0.AddDays(366), T0)).Code);
        var resolved = ConversationMachine.Resolve(Queued(), T0).Next;
        Assert.Equal("conversation_resolved", Assert.Throws<DomainException>(() => Snoozing.Snooze(resolved, null, T0)).Code);
    }

    [Fact]
    public void TheWakeJobWakesOnlyTheSnoozeItWasEnqueuedFor()
    {
        var snoozed = Snoozing.Snooze(Queued(), T0.AddHours(2), T0).Next;
        Assert.True(ConversationMachine.IsNoOp(snoozed, Snoozing.WakeOnTime(snoozed, T0.AddHours(1), T0.AddHours(1))));
        var woke = Snoozing.WakeOnTime(snoozed, T0.AddHours(2), T0.AddHours(2));
        Assert.Equal((ConversationChange.Woken, false, WakeReason.SnoozeEnded), (woke.Change, woke.Next.IsSnoozed, woke.Next.WakeReason));
        Assert.True(ConversationMachine.IsNoOp(woke.Next, Snoozing.WakeOnTime(woke.Next, T0.AddHours(2), T0.AddHours(2))));
    }

    [Fact]
    public void TheCustomerWakesItTheOperatorsAnswerClearsTheMarkerAndResolvingEndsTheSnooze()
    {
        var snoozed = Snoozing.Snooze(Queued(), null, T0).Next;
        var woke = ConversationMachine.CustomerMessage(snoozed, NoBot, seq: 9, T0).Next;
        Assert.Equal((false, WakeReason.CustomerReplied, ConversationState.Queued), (woke.IsSnoozed, woke.WakeReason, woke.State));
        Assert.Null(ConversationMachine.OperatorMessage(woke, 7, NoBot, seenSeq: 9, T0).Next.WakeReason);
        // A reply does not end a snooze (the "back tomorrow" message); resolving does.
        var timed = Snoozing.Snooze(Queued(), T0.AddHours(1), T0).Next;
        Assert.True(ConversationMachine.OperatorMessage(timed, 7, NoBot, seenSeq: null, T0).Next.IsSnoozed);
        Assert.False(ConversationMachine.Resolve(timed, T0).Next.IsSnoozed);
        var dismissed = Snoozing.Unsnooze(woke, T0);
        Assert.Equal((ConversationChange.Unsnoozed, null), (dismissed.Change, dismissed.Next.WakeReason));
        Assert.True(ConversationMachine.IsNoOp(dismissed.Next, Snoozing.Unsnooze(dismissed.Next, T0)));
    }
}
