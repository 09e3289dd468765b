using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Conversations;
using Switchboard.Core.Messages;
using Switchboard.Server.Bots;
using Switchboard.Server.Jobs;
using Switchboard.Server.Realtime;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Bots;

/// <summary>
/// An operator who takes over while the bot's reply is in flight wins: the bot switch is checked again in the
/// transaction that would store the reply, not only when the bot started.
/// </summary>
public sealed class TakeoverRaceTests
{
    [Theory, BothDatabases]
    public async Task AReplyInFlightWhenTheOperatorTakesOverIsNeverStored(DatabaseKind db)
    {
        await using var llm = await FakeLlmServer.StartAsync();
        var jobs = new JobRecorder();
        await using var app = await TestApp.StartAsync(db, bots: true, configureServices: s => s.AddSingleton<IJobObserver>(jobs));
        var ws = await TestWorkspace.CreateAsync(app);
        await LlmBotTests.ConfigureAsync(ws, llm);
        using var events = new EventWatcher(app, ws.Id);

        // 1. The operator flips the bot switch off while the model is still thinking; then the model answers.
        var switchedOff = await ws.NewVisitorAsync();
        var late = new FakeLlmServer.Gate();
        llm.Enqueue(new FakeLlmServer.Stream(["Sure, I can ", "help with that."], Before: late));
        await switchedOff.WriteAsync("Can I change the colour of my order?");
        await llm.WaitForRequestAsync(1);
        var off = await ws.Operator.PatchConversationAsync(switchedOff.ConversationId, new { mutationId = WorkflowClient.NewId(), botActive = false });
        Assert.False(off.Conversation.BotActive);
        late.Open();
        var firstTurn = await jobs.WaitAsync(o => o.Kind == BotReplyHandler.JobKind && o.State == JobState.Succeeded, TimeSpan.FromSeconds(30));
        await AssertBotSilentAsync(ws, events, switchedOff.ConversationId, ReplyEndReasons.BotSwitchedOff);
        var after = await ws.Operator.ConversationAsync(switchedOff.ConversationId);
        Assert.Equal((ConversationState.Queued, null), (after.State, after.HandoffReason)); // off, not handed off by the bot

        // 2. The operator takes over by answering while the model has streamed half its reply.
        var answered = await ws.NewVisitorAsync("Tess Takeover");
        var half = new FakeLlmServer.Gate();
        llm.Enqueue(new FakeLlmServer.Stream(["Our opening ", "hours are 8 to 18."], AfterFirst: half));
        await answered.WriteAsync("When are you open?");
        await events.WaitSignalAsync(s => s.Type == BotSignals.Delta && s.ConversationId == answered.ConversationId);
        var takeover = await ws.Operator.ReplyAsync(answered.ConversationId, "Hi, Otto here: we open at 8.");
        Assert.False(takeover.Conversation.BotActive);
        half.Open();
        await jobs.WaitAsync(o => o.Kind == BotReplyHandler.JobKind && o.State == JobState.Succeeded && o.JobId != firstTurn.JobId, TimeSpan.FromSeconds(30));
        await AssertBotSilentAsync(ws, events, answered.ConversationId, ReplyEndReasons.Takeover);
        Assert.Equal(ConversationState.WaitingCustomer, (await ws.Operator.ConversationAsync(answered.ConversationId)).State);
        Assert.Equal(2, llm.Requests.Count);
    }

    static async Task AssertBotSilentAsync(TestWorkspace ws, EventWatcher events, long conversationId, string endReason)
    {
        // The streamed reply is declared abandoned, with who stopped it.
        await events.WaitSignalAsync(s => s.Type == BotSignals.ReplyEnd && s.ConversationId == conversationId
            && s.Data is BotReplyEndData { Outcome: ReplyEndReasons.Abandoned } end && end.Reason == endReason);
        Assert.DoesNotContain(await ws.MessagesAsync(conversationId), m => m.SenderRole == SenderRole.Bot);
        Assert.DoesNotContain(events.Seen, e => e.ConversationId == conversationId && e.Change == "handoff");
        // Viewers are told the bot stopped thinking, so no bubble is left spinning.
        await events.WaitSignalAsync(s => s.Type == EphemeralSignals.BotThinking && s.ConversationId == conversationId && s.Data is BotThinkingData { Thinking: false });
    }
}
