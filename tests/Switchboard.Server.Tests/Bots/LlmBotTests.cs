using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Conversations;
using Switchboard.Core.Messages;
using Switchboard.Server.Bots;
using Switchboard.Server.Jobs;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Bots;

/// <summary>The LLM bot against a local OpenAI-compatible server that streams real Chat Completions chunks.</summary>
public sealed class LlmBotTests
{
    const string ApiKey = "sk-test-7f3b9c2d";

    [Fact]
    public async Task TokensReachViewersLiveAndTheReplyIsStoredAsOneMessage()
    {
        await using var llm = await FakeLlmServer.StartAsync();
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, bots: true);
        var ws = await TestWorkspace.CreateAsync(app);
        var faq = await ws.SeedFaqAsync();
        await ConfigureAsync(ws, llm);
        // The model writes its first piece, then waits until the test has seen that piece on a stream.
        var resume = new FakeLlmServer.Gate();
        llm.Enqueue(new FakeLlmServer.Stream(["Orders ship ", "within 1 business day", "."], AfterFirst: resume));

        await using var team = await SseClient.OpenAsync(ws.Operator);
        var visitor = await ws.NewVisitorAsync();
        await using var customer = await SseClient.OpenAsync(visitor.Client);
        var question = await visitor.WriteAsync("How long does shipping take to Berlin?");
        var replyId = $"bot-reply-{question.Message.Id}";

        var (firstAt, first) = await team.WaitAsync(f => f.Event == BotSignals.Delta);
        Assert.Equal(replyId, Data(first).GetProperty("replyId").GetString());
        Assert.Equal("Orders ship ", Data(first).GetProperty("text").GetString());
        await customer.WaitAsync(f => f.Event == BotSignals.Delta); // the visitor watches the reply being written too
        Assert.DoesNotContain(await ws.MessagesAsync(visitor.ConversationId), m => m.SenderRole == SenderRole.Bot);
        resume.Open();

        var (storedAt, stored) = await team.WaitAsync(f => f.Event == "message.created" && Data(f).GetProperty("message").GetProperty("senderRole").GetString() == "bot");
        var message = Data(stored).GetProperty("message");
        Assert.Equal("Orders ship within 1 business day.", message.GetProperty("text").GetString());
        Assert.Equal(replyId, message.GetProperty("clientMessageId").GetString()); // clients swap the streamed bubble for it
        var deltas = team.Frames.Select((f, i) => (f, i)).Where(x => x.f.Event == BotSignals.Delta).ToList();
        Assert.Equal(["Orders ship ", "within 1 business day", "."], deltas.Select(d => Data(d.f).GetProperty("text").GetString()));
        Assert.Equal([0, 1, 2], deltas.Select(d => Data(d.f).GetProperty("index").GetInt32()));
        Assert.All(deltas, d => Assert.True(d.i < storedAt));
        Assert.True(firstAt < storedAt);
        Assert.Single(await ws.MessagesAsync(visitor.ConversationId), m => m.SenderRole == SenderRole.Bot);
        // The stream itself says the reply is complete, and which stored message it became.
        // It is published after the message is committed, but the stream may deliver it before the message's durable
        // event (signals skip the log's pump): clients keep a completed draft until its message is in (vectors 67, 68).
        var (_, end) = await team.WaitAsync(f => f.Event == BotSignals.ReplyEnd);
        Assert.Equal((replyId, "completed", message.GetProperty("id").GetInt64()),
            (Data(end).GetProperty("replyId").GetString(), Data(end).GetProperty("outcome").GetString(), Data(end).GetProperty("messageId").GetInt64()));
        await customer.WaitAsync(f => f.Event == BotSignals.ReplyEnd);
        await team.WaitAsync(f => f.Event == "bot.thinking" && !Data(f).GetProperty("thinking").GetBoolean());

        // What the model was given: the key, the model, the handoff tool, the best FAQ entries and the conversation.
        var request = Assert.Single(llm.Requests);
        Assert.Equal($"Bearer {ApiKey}", request.Headers["Authorization"]);
        Assert.Equal("test-model", request.Body.GetProperty("model").GetString());
        Assert.True(request.Body.GetProperty("stream").GetBoolean());
        Assert.Equal("handoff_to_human", request.Body.GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString());
        var sent = request.Body.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal("system", sent[0].GetProperty("role").GetString());
        var system = Content(sent[0]);
        Assert.Contains($"[1] Q: {faq[3].Question}\nA: {faq[3].Answer}", system, StringComparison.Ordinal); // the best one first, numbered to be cited
        Assert.InRange(system.Split("] Q: ").Length - 1, 1, 3); // the relevant ones among the top 3, no more
        Assert.Equal(("user", "How long does shipping take to Berlin?"), (sent[^1].GetProperty("role").GetString(), Content(sent[^1])));
    }

    [Theory]
    [InlineData("timeout", "The AI service stopped answering", "stalled")]
    [InlineData("stall", "The AI service stopped answering", "stalled")]
    [InlineData("cut", "The AI service closed the connection", "cut")]
    [InlineData("error", "The AI service returned an error (HTTP 500)", "error")]
    [InlineData("tool", "The LLM handed off: the customer wants a refund for a damaged item", "handed_off")]
    public async Task TimeoutStallCutErrorAndTheHandoffToolHandOffAndAbandonTheReply(string failure, string reason, string endReason)
    {
        await using var llm = await FakeLlmServer.StartAsync();
        var jobs = new JobRecorder();
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, bots: true, configureServices: s => s.AddSingleton<IJobObserver>(jobs));
        var ws = await TestWorkspace.CreateAsync(app);
        await ConfigureAsync(ws, llm, replyTimeoutSeconds: failure is "timeout" or "stall" ? 1 : 60);
        llm.Enqueue(failure switch
        {
            "timeout" => new FakeLlmServer.Hang(),
            // Half an answer, then nothing: the gate is never opened.
            "stall" => new FakeLlmServer.Stream(["We accept ", "cards."], AfterFirst: new FakeLlmServer.Gate()),
            "cut" => new FakeLlmServer.Cut(["We accept ", "cards"]),
            "error" => new FakeLlmServer.Fail(500),
            _ => new FakeLlmServer.CallTool("handoff_to_human", """{"reason":"the customer wants a refund for a damaged item"}"""),
        });
        using var events = new EventWatcher(app, ws.Id);
        await using var team = await SseClient.OpenAsync(ws.Operator);

        var visitor = await ws.NewVisitorAsync();
        var question = await visitor.WriteAsync("My blender arrived broken, what now?");
        var queued = await events.HandoffAsync(visitor.ConversationId);
        Assert.Equal((ConversationState.Queued, reason), (queued.State, queued.HandoffReason));
        // Whatever was streamed of the reply is declared abandoned on the stream, with the cause as a code.
        var (_, end) = await team.WaitAsync(f => f.Event == BotSignals.ReplyEnd);
        Assert.Equal(($"bot-reply-{question.Message.Id}", "abandoned", endReason),
            (Data(end).GetProperty("replyId").GetString(), Data(end).GetProperty("outcome").GetString(), Data(end).GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Null, Data(end).GetProperty("messageId").ValueKind);
        var said = (await ws.MessagesAsync(visitor.ConversationId)).Where(m => m.SenderRole == SenderRole.Bot).Select(m => m.Text);
        Assert.Equal(["Let me get a human for you."], said);
        // Handing off is the job's success, not a failure to retry.
        Assert.Equal(JobState.Succeeded, (await jobs.WaitAsync(o => o.Kind == BotReplyHandler.JobKind, TimeSpan.FromSeconds(30))).State);
        if (failure is not ("timeout" or "stall")) Assert.Single(llm.Requests); // a timed-out request may not even have arrived on a loaded machine
    }

    [Fact]
    public async Task TheReplyCitesTheFaqEntryItUsedAndAQuestionTheFaqCannotAnswerGoesToAHumanWithoutAskingTheModel()
    {
        await using var llm = await FakeLlmServer.StartAsync();
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, bots: true);
        var ws = await TestWorkspace.CreateAsync(app);
        var faq = await ws.SeedFaqAsync();
        await ConfigureAsync(ws, llm);
        using var events = new EventWatcher(app, ws.Id);

        llm.Enqueue(new FakeLlmServer.Stream(["Orders ship within 1 business day ", "[1]."]));
        var visitor = await ws.NewVisitorAsync();
        await visitor.WriteAsync("when will my order arrive if I buy today");
        var answer = await events.BotMessageAsync(visitor.ConversationId);
        Assert.Equal($"Orders ship within 1 business day.\n\nSource: FAQ “{faq[3].Question}”", answer.Text);

        // Just under the threshold (where the knowledge-base bot would ask "Did you mean this?"), the entry is given to the
        // model, which judges whether it answers the question.
        llm.Enqueue(new FakeLlmServer.Stream(["Our clothes have a 2-year warranty ", "[1]."]));
        var casual = await ws.NewVisitorAsync("Cora Casual");
        await casual.WriteAsync(KnowledgeBaseSuggestionTests.Warranty);
        Assert.Equal($"Our clothes have a 2-year warranty.\n\nSource: FAQ “{faq[10].Question}”", (await events.BotMessageAsync(casual.ConversationId)).Text);
        Assert.Contains($"[1] Q: {faq[10].Question}\n", Content(llm.Requests[^1].Body.GetProperty("messages")[0]), StringComparison.Ordinal);

        // Nothing in the FAQ is about the weather: a person answers, and the model is not asked.
        var weather = await ws.NewVisitorAsync("Walter Weather");
        await weather.WriteAsync("What's the weather like tomorrow?");
        Assert.Equal("Nothing in the FAQ matches the question", (await events.HandoffAsync(weather.ConversationId)).HandoffReason);
        Assert.Equal(2, llm.Requests.Count);
    }

    internal static async Task ConfigureAsync(TestWorkspace ws, FakeLlmServer llm, int replyTimeoutSeconds = 60)
    {
        var config = await ws.ConfigureBotAsync(new
        {
            engine = "llm",
            replyTimeoutSeconds,
            llm = new { baseUrl = llm.BaseUrl, model = "test-model", apiKey = ApiKey },
        });
        Assert.True(config.Llm.ApiKeySet);
    }

    static JsonElement Data(SseClient.Frame frame) => frame.Data.GetProperty("data");

    /// <summary>A message's content: a string, or (as this client sends it) an array of text parts.</summary>
    static string Content(JsonElement message)
    {
        var content = message.GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Concat(content.EnumerateArray().Select(p => p.GetProperty("text").GetString()));
    }
}
