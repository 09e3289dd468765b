using Switchboard.Core.Conversations;
using Switchboard.Core.Messages;
using Switchboard.Server.Bots;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Bots;

/// <summary>The default, offline bot end to end: the widget's visitor writes, the bot's job answers or hands off.</summary>
public sealed class KnowledgeBaseBotTests
{
    [Theory, BothDatabases]
    public async Task AnswersParaphrasedQuestionsAndHandsOffWhatItCannotAnswer(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, bots: true);
        var ws = await TestWorkspace.CreateAsync(app);
        var faq = await ws.SeedFaqAsync();
        using var events = new EventWatcher(app, ws.Id);

        // A paraphrase of "How long does shipping take?" gets that entry's answer, as one bot message.
        var shipping = await ws.NewVisitorAsync();
        var question = await shipping.WriteAsync("How many days until my parcel is delivered?");
        var answer = await events.BotMessageAsync(shipping.ConversationId);
        Assert.Equal(faq[3].Answer, answer.Text);
        Assert.Equal($"bot-reply-{question.Message.Id}", answer.ClientMessageId); // a retried job cannot answer twice
        await events.WaitSignalAsync(s => s.Type == "bot.thinking" && s.ConversationId == shipping.ConversationId && s.Data is Switchboard.Server.Realtime.BotThinkingData { Thinking: false });
        var thinking = events.Signals.Where(s => s.Type == "bot.thinking" && s.ConversationId == shipping.ConversationId).Select(s => ((Switchboard.Server.Realtime.BotThinkingData)s.Data!).Thinking);
        Assert.Equal([true, false], thinking);
        Assert.Equal(ConversationState.Bot, (await ws.Operator.ConversationAsync(shipping.ConversationId)).State);

        // The visitor sees the answer too.
        var seen = (await shipping.Client.GetAsync<Messages.MessagePageResponse>($"/api/v1/conversations/{shipping.ConversationId}/messages")).Items;
        Assert.Equal([SenderRole.Customer, SenderRole.Bot], seen.Select(m => m.SenderRole));

        // Out of scope: the bot says it fetches a human and hands off with a reason operators can read.
        var weather = await ws.NewVisitorAsync("Walter Weather");
        await weather.WriteAsync("What's the weather like tomorrow?");
        var queued = await events.HandoffAsync(weather.ConversationId);
        Assert.Equal(ConversationState.Queued, queued.State);
        Assert.False(queued.BotActive);
        Assert.StartsWith("Low confidence", queued.HandoffReason, StringComparison.Ordinal);
        var farewell = Assert.Single(await ws.MessagesAsync(weather.ConversationId), m => m.SenderRole == SenderRole.Bot);
        Assert.Equal("Let me get a human for you.", farewell.Text);
        Assert.Contains(queued.Id, (await ws.Operator.GetAsync<Queue.QueueResponse>("/api/v1/queue")).Items.Select(c => c.Id));

        // Asked for a human, even with an FAQ word in the sentence: handoff at once.
        var human = await ws.NewVisitorAsync("Hugo Human");
        await human.WriteAsync("I want to talk to a human about my delivery");
        Assert.Equal("The customer asked for a human", (await events.HandoffAsync(human.ConversationId)).HandoffReason);

        // Nothing else was said by the bot anywhere: one answer, one goodbye, one goodbye.
        Assert.Equal(3, events.Seen.Count(e => e.Type == "message.created" && BotTestKit.Message(e).SenderRole == SenderRole.Bot));
    }
}

/// <summary>When the best two FAQ entries are about equally likely, the bot asks which one with quick replies.</summary>
public sealed class KnowledgeBaseAmbiguityTests
{
    [Theory, BothDatabases]
    public async Task AsksWhichOfTwoCloseEntriesAndAnswersTheOneTheCustomerTaps(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, bots: true);
        var ws = await TestWorkspace.CreateAsync(app);
        var faq = await ws.SeedFaqAsync();
        using var events = new EventWatcher(app, ws.Id);

        // Seeing where a delivery is could be tracking the order (#6) or the delivery address (#8): a near tie.
        var visitor = await ws.NewVisitorAsync();
        await visitor.WriteAsync("how can I see where my delivery is");
        var asked = await events.BotMessageAsync(visitor.ConversationId);
        Assert.Equal(Messages.MessageKinds.QuickReplies, asked.Kind);
        Assert.Equal([faq[6].Question, faq[8].Question], asked.QuickReplies!.Order());
        Assert.StartsWith(Switchboard.Server.Bots.KnowledgeBase.KnowledgeBaseBot.WhichOneQuestion, asked.Text, StringComparison.Ordinal);
        Assert.Equal(ConversationState.Bot, (await ws.Operator.ConversationAsync(visitor.ConversationId)).State);

        // The visitor sees the buttons too; a tap sends the option as the customer's text, which the bot answers.
        var seen = (await visitor.Client.GetAsync<Messages.MessagePageResponse>($"/api/v1/conversations/{visitor.ConversationId}/messages")).Items;
        Assert.Equal(asked.QuickReplies, seen[^1].QuickReplies);
        await visitor.WriteAsync(faq[6].Question);
        Assert.Equal(faq[6].Answer, (await events.BotMessageAsync(visitor.ConversationId, m => m.Id != asked.Id)).Text);
    }
}
