using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Workspaces;

namespace Switchboard.Core.Tests;

public sealed class ConversationMachineTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    static readonly WorkspaceSettings Defaults = new();

    static Conversation New(ConversationState state, bool bot = false, long? assignee = null, long lastCustomerSeq = 0) =>
        ConversationMachine.Start(1, 1, 1, 1, Defaults, T0) with { State = state, BotActive = bot, AssigneeId = assignee, LastCustomerMessageSeq = lastCustomerSeq };

    [Fact]
    public void NewConversationStartsWithTheBotWhenEnabled()
    {
        var c = ConversationMachine.Start(1, 1, 1, 1, Defaults, T0);
        Assert.Equal(ConversationState.Bot, c.State);
        Assert.True(c.BotActive);
        Assert.Equal(1, c.Version);
    }

    [Fact]
    public void NewConversationIsQueuedWhenTheBotIsDisabled()
    {
        var c = ConversationMachine.Start(1, 1, 1, 1, Defaults with { BotEnabled = false }, T0);
        Assert.Equal(ConversationState.Queued, c.State);
        Assert.Equal(T0, c.QueuedAt);
    }

    [Theory]
    [InlineData(ConversationState.Bot, true, null, ConversationState.Bot)]
    [InlineData(ConversationState.Queued, false, null, ConversationState.Queued)]
    [InlineData(ConversationState.Assigned, false, 7L, ConversationState.Assigned)]
    [InlineData(ConversationState.WaitingCustomer, false, 7L, ConversationState.Assigned)]
    [InlineData(ConversationState.WaitingCustomer, false, null, ConversationState.Queued)]
    public void CustomerMessageMovesTheStateAsDesigned(ConversationState from, bool bot, long? assignee, ConversationState expected)
    {
        var t = ConversationMachine.CustomerMessage(New(from, bot, assignee), Defaults, seq: 42, T0);
        Assert.Equal(expected, t.Next.State);
        Assert.Equal(assignee, t.Next.AssigneeId);
        Assert.Equal(42, t.Next.LastCustomerMessageSeq);
        Assert.Equal(1, t.Next.UnreadCount);
        Assert.Equal(1, t.Next.MessageCount);
        Assert.Equal(2, t.Next.Version);
    }

    [Theory]
    [InlineData(ReopenTarget.Bot, ConversationState.Bot, true)]
    [InlineData(ReopenTarget.Queued, ConversationState.Queued, false)]
    public void CustomerMessageReopensAResolvedConversationBySetting(ReopenTarget target, ConversationState expected, bool bot)
    {
        var t = ConversationMachine.CustomerMessage(New(ConversationState.Resolved, assignee: 7), Defaults with { ReopenTo = target }, 5, T0);
        Assert.Equal(expected, t.Next.State);
        Assert.Equal(bot, t.Next.BotActive);
        Assert.Null(t.Next.AssigneeId);
    }

    [Fact]
    public void OperatorMessageInABotConversationTakesOver()
    {
        var t = ConversationMachine.OperatorMessage(New(ConversationState.Bot, bot: true), 9, Defaults, seenSeq: null, T0);
        Assert.Equal(ConversationChange.Takeover, t.Change);
        Assert.Equal(ConversationState.WaitingCustomer, t.Next.State);
        Assert.False(t.Next.BotActive);
        Assert.Equal(9, t.Next.AssigneeId);
    }

    [Fact]
    public void OperatorMessageWithReleaseOnReplyUnassigns()
    {
        var t = ConversationMachine.OperatorMessage(New(ConversationState.Assigned, assignee: 9, lastCustomerSeq: 10), 9, Defaults with { ReleaseOnReply = true }, seenSeq: 10, T0);
        Assert.Equal(ConversationState.WaitingCustomer, t.Next.State);
        Assert.Null(t.Next.AssigneeId);
        Assert.False(t.CustomerWroteMeanwhile);
    }

    [Fact]
    public void OperatorWhoMissedACustomerMessageIsNotReleased()
    {
        var t = ConversationMachine.OperatorMessage(New(ConversationState.Assigned, assignee: 9, lastCustomerSeq: 11), 9, Defaults with { ReleaseOnReply = true }, seenSeq: 10, T0);
        Assert.True(t.CustomerWroteMeanwhile);
        Assert.Equal(ConversationState.Assigned, t.Next.State);
        Assert.Equal(9, t.Next.AssigneeId);
    }

    [Fact]
    public void IntegrationReplyDoesNotBecomeTheAssignee()
    {
        var t = ConversationMachine.OperatorMessage(New(ConversationState.Queued), operatorId: null, Defaults, null, T0);
        Assert.Null(t.Next.AssigneeId);
        Assert.Equal(ConversationState.WaitingCustomer, t.Next.State);
    }

    [Fact]
    public void BotSwitchOffQueuesOrAssigns()
    {
        Assert.Equal(ConversationState.Queued, ConversationMachine.SetBotActive(New(ConversationState.Bot, bot: true), false, T0).Next.State);
        var withAssignee = ConversationMachine.SetBotActive(New(ConversationState.Bot, bot: true, assignee: 3), false, T0).Next;
        Assert.Equal(ConversationState.Assigned, withAssignee.State);
        Assert.False(withAssignee.BotActive);
    }

    [Fact]
    public void BotSwitchOnReturnsToTheBot()
    {
        var t = ConversationMachine.SetBotActive(New(ConversationState.Queued), true, T0);
        Assert.Equal(ConversationState.Bot, t.Next.State);
        Assert.True(t.Next.BotActive);
    }

    [Fact]
    public void SettingTheBotSwitchToItsCurrentValueChangesNothing()
    {
        var c = New(ConversationState.Bot, bot: true);
        Assert.True(ConversationMachine.IsNoOp(c, ConversationMachine.SetBotActive(c, true, T0)));
    }

    [Fact]
    public void BotSwitchOnAResolvedConversationIsRefused()
    {
        var e = Assert.Throws<DomainException>(() => ConversationMachine.SetBotActive(New(ConversationState.Resolved), true, T0));
        Assert.Equal("conversation_resolved", e.Code);
    }

    [Fact]
    public void HandoffQueuesWithAReason()
    {
        var t = ConversationMachine.Handoff(New(ConversationState.Bot, bot: true), "low confidence", T0);
        Assert.Equal(ConversationState.Queued, t.Next.State);
        Assert.Equal("low confidence", t.Next.HandoffReason);
        Assert.False(t.Next.BotActive);
        Assert.Equal(T0, t.Next.QueuedAt);
    }

    [Fact]
    public void ClaimTakesOnlyQueuedConversations()
    {
        var t = ConversationMachine.Claim(New(ConversationState.Queued), 4, T0);
        Assert.Equal(ConversationState.Assigned, t.Next.State);
        Assert.Equal(4, t.Next.AssigneeId);
        Assert.Equal("conversation_not_queued", Assert.Throws<DomainException>(() => ConversationMachine.Claim(t.Next, 5, T0)).Code);
    }

    [Fact]
    public void ClaimingAConversationOneAlreadyOwnsChangesNothingAndIsNotRefused()
    {
        var mine = ConversationMachine.Claim(New(ConversationState.Queued), 4, T0).Next;
        var again = ConversationMachine.Claim(mine, 4, T0.AddSeconds(1));
        Assert.True(ConversationMachine.IsNoOp(mine, again));
        var waiting = mine with { State = ConversationState.WaitingCustomer };
        Assert.True(ConversationMachine.IsNoOp(waiting, ConversationMachine.Claim(waiting, 4, T0)));
        // Resolved is not open: claiming it again is refused like anyone's.
        Assert.Equal("conversation_not_queued", Assert.Throws<DomainException>(() =>
            ConversationMachine.Claim(mine with { State = ConversationState.Resolved }, 4, T0)).Code);
    }

    [Fact]
    public void AssigningABotConversationSwitchesTheBotOff()
    {
        var t = ConversationMachine.Assign(New(ConversationState.Bot, bot: true), 4, T0);
        Assert.Equal(ConversationState.Assigned, t.Next.State);
        Assert.False(t.Next.BotActive);
    }

    [Fact]
    public void UnassignQueuesAnAssignedConversation()
    {
        var t = ConversationMachine.Unassign(New(ConversationState.Assigned, assignee: 4), T0);
        Assert.Equal(ConversationState.Queued, t.Next.State);
        Assert.Null(t.Next.AssigneeId);
    }

    [Fact]
    public void IdleReleaseReturnsConversationsToTheQueue()
    {
        var t = ConversationMachine.IdleRelease(New(ConversationState.WaitingCustomer, assignee: 4), T0);
        Assert.Equal(ConversationState.Queued, t.Next.State);
        Assert.Null(t.Next.AssigneeId);
    }

    [Fact]
    public void ResolveAndReopen()
    {
        var resolved = ConversationMachine.Resolve(New(ConversationState.Assigned, assignee: 4), T0).Next;
        Assert.Equal(ConversationState.Resolved, resolved.State);
        var reopened = ConversationMachine.Reopen(resolved, T0).Next;
        Assert.Equal(ConversationState.Assigned, reopened.State);
        Assert.Equal(ConversationState.Queued, ConversationMachine.Reopen(resolved with { AssigneeId = null }, T0).Next.State);
    }

    [Fact]
    public void BotCannotSpeakWhenSwitchedOff()
    {
        Assert.Equal("bot_inactive", Assert.Throws<DomainException>(() => ConversationMachine.BotMessage(New(ConversationState.Queued), T0)).Code);
    }
}
