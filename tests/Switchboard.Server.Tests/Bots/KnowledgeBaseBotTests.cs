using Switchboard.Core.Conversations;
using Switchboard.Core.Messages;
using Switchboard.Server.Bots;
using Switchboard.Server.Bots.Faq;
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
        await using var scene = await FaqBotScene.StartAsync(db);
        var (ws, faq, events) = (scene.Workspace, scene.Faq, scene.Events);

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
        await using var scene = await FaqBotScene.StartAsync(db);
        var (ws, faq, events) = (scene.Workspace, scene.Faq, scene.Events);

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

    [Theory, BothDatabases]
    public async Task AReplyInOtherWordsAPositionBothOrNeitherIsReadAsThePersonWhoAskedWould(DatabaseKind db)
    {
        await using var scene = await FaqBotScene.StartAsync(db);
        var (ws, faq, events) = (scene.Workspace, scene.Faq, scene.Events);
        async Task<string> ReplyAsync(string name, string reply, Func<IReadOnlyList<string>, string> expected)
        {
            var visitor = await ws.NewVisitorAsync(name);
            await visitor.WriteAsync("how can I see where my delivery is");
            var asked = await events.BotMessageAsync(visitor.ConversationId);
            Assert.Equal(KnowledgeBaseBot.TalkToAPerson, asked.QuickReplies![2]);
            await visitor.WriteAsync(reply);
            var answer = (await events.BotMessageAsync(visitor.ConversationId, m => m.Id != asked.Id)).Text;
            Assert.Equal(expected(asked.QuickReplies), answer);
            return answer;
        }
        string AnswerTo(string question) => faq.Values.Single(e => e.Question == question).Answer;

        // In other words: on its own this reply is not answered (the search says so), but of the two entries offered it
        // is clearly about the tracking one.
        const string InOtherWords = "the one where I follow the parcel";
        var alone = await ws.Operator.GetAsync<FaqSearchResponse>("/api/v1/faq/search?q=" + Uri.EscapeDataString(InOtherWords));
        Assert.NotEqual("answer", alone.Decision);
        await ReplyAsync("Wanda Words", InOtherWords, _ => faq[6].Answer);

        // A position names a button; "both" gets both answers, in the order offered.
        await ReplyAsync("Sam Second", "the second one please", offered => AnswerTo(offered[1]));
        await ReplyAsync("Bea Both", "both", offered => AnswerTo(offered[0]) + "\n\n" + AnswerTo(offered[1]));

        // Neither hands off, and the operator reads what the bot offered.
        var neither = await ws.NewVisitorAsync("Ned Neither");
        await neither.WriteAsync("how can I see where my delivery is");
        var asked = await events.BotMessageAsync(neither.ConversationId);
        await neither.WriteAsync("neither of them");
        var handedOff = await events.HandoffAsync(neither.ConversationId);
        Assert.Equal(ConversationState.Queued, handedOff.State);
        Assert.Equal($"The customer said neither of the bot's suggestions is what they mean: \"{asked.QuickReplies![0]}\", \"{asked.QuickReplies[1]}\"", handedOff.HandoffReason);
    }
}

/// <summary>Just under the threshold the bot asks "Did you mean this?" instead of handing off, and reads the answer as a person would.</summary>
public sealed class KnowledgeBaseSuggestionTests
{
    // The warranty (#10) said another way: its best entry, a little under the default threshold of 0.44 (0.40), far
    // ahead of the runner-up (0.25).
    public const string Warranty = "whats covered if something stops working";

    [Theory, BothDatabases]
    public async Task SuggestsTheBestEntryJustUnderTheThresholdAndAYesGetsItsAnswer(DatabaseKind db)
    {
        await using var scene = await FaqBotScene.StartAsync(db);
        var (ws, faq, events) = (scene.Workspace, scene.Faq, scene.Events);

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
        await using var scene = await FaqBotScene.StartAsync(db);
        var (ws, faq, events) = (scene.Workspace, scene.Faq, scene.Events);

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

/// <summary>A server with its bots on, a workspace with the FAQ of faq-fixture.json, and a watcher of its events.</summary>
sealed class FaqBotScene(TestApp app, TestWorkspace workspace, IReadOnlyDictionary<long, FaqEntryResponse> faq) : IAsyncDisposable
{
    public TestWorkspace Workspace => workspace;
    public IReadOnlyDictionary<long, FaqEntryResponse> Faq => faq;
    public EventWatcher Events { get; } = new(app, workspace.Id);

    public static async Task<FaqBotScene> StartAsync(DatabaseKind db)
    {
        var app = await TestApp.StartAsync(db, bots: true);
        var workspace = await TestWorkspace.CreateAsync(app);
        return new FaqBotScene(app, workspace, await workspace.SeedFaqAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Events.Dispose();
        await app.DisposeAsync();
    }
}
