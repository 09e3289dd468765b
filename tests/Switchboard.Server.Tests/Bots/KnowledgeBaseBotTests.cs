using Switchboard.Core.Conversations;
using Switchboard.Core.Messages;
using Switchboard.Server.Bots;
using Switchboard.Server.Bots.KnowledgeBase;
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
        Assert.Equal([faq[6].Question, faq[8].Question], asked.QuickReplies!.Take(2).Order()); // best first: the order is the model's
        Assert.Equal(KnowledgeBaseBot.TalkToAPerson, asked.QuickReplies![2]);
        Assert.StartsWith(KnowledgeBaseBot.WhichOneQuestion, asked.Text, StringComparison.Ordinal);
        Assert.Equal(ConversationState.Bot, (await ws.Operator.ConversationAsync(visitor.ConversationId)).State);

        // The visitor sees the buttons too; a tap sends the option as the customer's text, which the bot answers.
        var seen = (await visitor.Client.GetAsync<Messages.MessagePageResponse>($"/api/v1/conversations/{visitor.ConversationId}/messages")).Items;
        Assert.Equal(asked.QuickReplies, seen[^1].QuickReplies);
        await visitor.WriteAsync(faq[6].Question);
        Assert.Equal(faq[6].Answer, (await events.BotMessageAsync(visitor.ConversationId, m => m.Id != asked.Id)).Text);
    }
}

/// <summary>Just under the threshold the bot asks "Did you mean this?" instead of handing off, and reads the answer as a person would.</summary>
public sealed class KnowledgeBaseSuggestionTests
{
    // The warranty (#10) said another way: its best entry, a little under the default threshold of 0.44 (0.40), far
    // ahead of the runner-up (0.25).
    const string Warranty = "whats covered if something stops working";

    [Theory, BothDatabases]
    public async Task SuggestsTheBestEntryJustUnderTheThresholdAndAYesGetsItsAnswer(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, bots: true);
        var ws = await TestWorkspace.CreateAsync(app);
        var faq = await ws.SeedFaqAsync();
        using var events = new EventWatcher(app, ws.Id);

        var visitor = await ws.NewVisitorAsync();
        await visitor.WriteAsync(Warranty);
        var asked = await events.BotMessageAsync(visitor.ConversationId);
        Assert.Equal(Messages.MessageKinds.QuickReplies, asked.Kind);
        Assert.Equal([faq[10].Question, KnowledgeBaseBot.TalkToAPerson], asked.QuickReplies);
        Assert.Equal($"{KnowledgeBaseBot.DidYouMeanQuestion}\n• {faq[10].Question}\n• {KnowledgeBaseBot.TalkToAPerson}", asked.Text);
        Assert.Equal(ConversationState.Bot, (await ws.Operator.ConversationAsync(visitor.ConversationId)).State);

        // Typed instead of tapped: "Yes!" answers the suggested entry.
        await visitor.WriteAsync("Yes!");
        Assert.Equal(faq[10].Answer, (await events.BotMessageAsync(visitor.ConversationId, m => m.Id != asked.Id)).Text);
        Assert.Equal(ConversationState.Bot, (await ws.Operator.ConversationAsync(visitor.ConversationId)).State);
    }

    [Theory, BothDatabases]
    public async Task ANoOrTheTalkToAPersonButtonHandsOffAndATappedQuestionIsAnswered(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, bots: true);
        var ws = await TestWorkspace.CreateAsync(app);
        var faq = await ws.SeedFaqAsync();
        using var events = new EventWatcher(app, ws.Id);

        var typedNo = await ws.NewVisitorAsync("Nora No");
        await typedNo.WriteAsync(Warranty);
        await events.BotMessageAsync(typedNo.ConversationId);
        await typedNo.WriteAsync("nope");
        var declined = await events.HandoffAsync(typedNo.ConversationId);
        Assert.Equal(ConversationState.Queued, declined.State);
        Assert.Equal($"The customer said the bot's suggestion is not what they mean: \"{faq[10].Question}\"", declined.HandoffReason);

        var tapped = await ws.NewVisitorAsync("Tom Tap");
        await tapped.WriteAsync(Warranty);
        await events.BotMessageAsync(tapped.ConversationId);
        await tapped.WriteAsync(KnowledgeBaseBot.TalkToAPerson);
        Assert.Equal("The customer asked for a human", (await events.HandoffAsync(tapped.ConversationId)).HandoffReason);

        var chose = await ws.NewVisitorAsync("Cleo Choose");
        await chose.WriteAsync(Warranty);
        var asked = await events.BotMessageAsync(chose.ConversationId);
        await chose.WriteAsync(faq[10].Question);
        Assert.Equal(faq[10].Answer, (await events.BotMessageAsync(chose.ConversationId, m => m.Id != asked.Id)).Text);

        // A "yes" the bot never asked for is a question like any other: far from every entry, it hands off.
        var unasked = await ws.NewVisitorAsync("Yannick Yes");
        await unasked.WriteAsync("yes");
        Assert.StartsWith("Low confidence", (await events.HandoffAsync(unasked.ConversationId)).HandoffReason, StringComparison.Ordinal);
    }
}
