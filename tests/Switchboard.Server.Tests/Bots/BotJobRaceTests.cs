using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Conversations;
using Switchboard.Core.Messages;
using Switchboard.Server.Bots;
using Switchboard.Server.Bots.External;
using Switchboard.Server.Conversations;
using Switchboard.Server.Hosting;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;
using Xunit.Abstractions;

namespace Switchboard.Server.Tests.Bots;

/// <summary>
/// The bot's jobs decide on a read and write later; what they decided on can change in between (another node, the
/// customer, the external bot's own answer). Each round starts the job and the change that would make it wrong
/// together, so both orders and the overlap between the job's read and its write occur; whatever the order, the
/// transcript must read as if one came first. The worker is off: the test runs the jobs itself, at the moment it wants.
/// A round where the change landed between the job's read and its write leaves only a log line (the job's write was
/// refused); counting those shows the test raced what it claims to.
/// </summary>
public sealed class BotJobRaceTests(ITestOutputHelper output)
{
    /// <summary>
    /// Rounds to run at least; then more, up to <see cref="MaxRounds"/>, until one landed inside the window (on SQLite, in
    /// one process, the job's read-to-write window is rarely hit: 0 to 3 of 16 rounds in runs here; on PostgreSQL most are).
    /// </summary>
    const int Rounds = 16;
    const int MaxRounds = 400;
    const string Secret = "ebsec_5b1e0c7d9a2f4e68";

    /// <summary><c>BotsLog.Outdated</c>: a bot message or handoff refused because what the job decided on changed.</summary>
    const int Outdated = 2513;

    static readonly Dictionary<string, string?> NoWorker = new() { ["Jobs:WorkerEnabled"] = "false" };

    /// <summary>
    /// A greeting says hello before the customer's first message, or not at all: never after it. PostgreSQL only: on
    /// SQLite, in one process, the job's read and write both finish before the message's request reaches the write
    /// lane (16 of 16 rounds greeted first, three runs), so the test could not reach the window there; a cluster, where
    /// the customer's node and the job's node are different, runs on PostgreSQL.
    /// </summary>
    [Fact]
    public async Task AGreetingNeverLandsAfterTheCustomersFirstMessage()
    {
        var log = new LogCounter();
        await using var app = await TestApp.StartAsync(DatabaseKind.Postgres, bots: true, extra: NoWorker, configureServices: log.AddTo);
        var ws = await TestWorkspace.CreateAsync(app);
        await ws.ConfigureBotAsync(new { greeting = "Hi! Ask me anything." });
        var greeter = Handler<BotGreetingHandler>(app);
        var (greetedFirst, customerFirst, late) = (0, 0, new List<string>());
        for (var round = 0; round < Rounds || (log.Count(Outdated) == 0 && round < MaxRounds); round++)
        {
            var visitor = await ws.NewVisitorAsync($"Round {round}");
            var job = new JobContext(0, BotGreetingHandler.JobKind, ws.Id, Payload(new BotGreetingJob(visitor.ConversationId)), 1, 8);
            await Task.WhenAll(greeter.HandleAsync(job, CancellationToken.None), visitor.WriteAsync("hello, is this the shop?"));

            var messages = await ws.MessagesAsync(visitor.ConversationId);
            var customer = Assert.Single(messages, m => m.SenderRole == SenderRole.Customer);
            var greeting = messages.SingleOrDefault(m => m.SenderRole == SenderRole.Bot);
            if (greeting is null) customerFirst++;
            else if (greeting.Seq < customer.Seq) greetedFirst++;
            else late.Add($"round {round}: greeting at seq {greeting.Seq} after the customer's message at {customer.Seq}");
        }
        Verdict(log, $"greeted first {greetedFirst}, customer first {customerFirst}", late);
    }

    /// <summary>
    /// An external bot that answers as its deadline passes: either its answer is stored and the conversation stays with
    /// the bot (no farewell), or the deadline hands off with its farewell and the late answer is refused. Nothing in
    /// between: the answer followed by "let me get a human" and a pointless wait in the queue, or the farewell followed
    /// by the answer and nobody coming.
    /// </summary>
    [Theory, BothDatabases]
    public async Task AnExternalBotsAnswerAndItsDeadlineNeverBothWin(DatabaseKind db)
    {
        var log = new LogCounter();
        await using var app = await TestApp.StartAsync(db, bots: true, extra: NoWorker, configureServices: log.AddTo);
        var ws = await ExternalBotWorkspaceAsync(app);
        var botKey = await ws.BotKeyClientAsync();
        var deadline = Handler<BotDeadlineHandler>(app);
        var (answered, handedOff, broken) = (0, 0, new List<string>());
        for (var round = 0; round < Rounds || (log.Count(Outdated) == 0 && round < MaxRounds); round++)
        {
            var visitor = await ws.NewVisitorAsync($"Round {round}");
            var question = (await visitor.WriteAsync("Where is my order?")).Message;
            var job = DeadlineJob(ws, question, attempt: 1);
            var replyId = BotTurnLoader.ReplyIdFor(question.Id);
            var answer = botKey.PostJsonAsync($"/api/v1/conversations/{visitor.ConversationId}/messages", new { clientMessageId = replyId, text = "It left yesterday." });
            await Task.WhenAll(deadline.HandleAsync(job, CancellationToken.None), answer);

            var status = (await answer).StatusCode;
            var messages = await ws.MessagesAsync(visitor.ConversationId);
            var (stored, farewell) = (messages.Any(m => m.ClientMessageId == replyId), messages.Any(m => m.ClientMessageId == BotTurnLoader.HandoffIdFor(replyId)));
            var queued = (await ws.Operator.GetAsync<ConversationResponse>($"/api/v1/conversations/{visitor.ConversationId}")).State == ConversationState.Queued;
            switch (stored, farewell, queued)
            {
                case (true, false, false): answered++; break;
                case (false, true, true): handedOff++; break;
                default: broken.Add($"round {round}: answer stored {stored} (HTTP {(int)status}), farewell stored {farewell}, handed off {queued}"); break;
            }
        }
        Verdict(log, $"answered {answered}, handed off {handedOff}", broken);
    }

    /// <summary>
    /// A farewell stored without its handoff (an earlier version wrote them in two transactions, and its node could die
    /// between them): the retried deadline takes it for the bot's own goodbye, not an answer, and hands off. Before, it
    /// took it for an answer, and the customer was told a human was coming while nobody was.
    /// </summary>
    [Theory, BothDatabases]
    public async Task ADeadlineRetriedAfterItsFarewellStillHandsOff(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, bots: true, extra: NoWorker);
        var ws = await ExternalBotWorkspaceAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var question = (await visitor.WriteAsync("Where is my order?")).Message;
        var farewellId = BotTurnLoader.HandoffIdFor(BotTurnLoader.ReplyIdFor(question.Id));
        // The first attempt got as far as the farewell.
        await app.Service<BotResponder>().SayAsync(ws.Id, visitor.ConversationId, farewellId, "Let me get a human for you.", CancellationToken.None);

        await Handler<BotDeadlineHandler>(app).HandleAsync(DeadlineJob(ws, question, attempt: 2), CancellationToken.None);

        var conversation = await ws.Operator.GetAsync<ConversationResponse>($"/api/v1/conversations/{visitor.ConversationId}");
        Assert.Equal((ConversationState.Queued, "The external bot did not answer within 60 s"), (conversation.State, conversation.HandoffReason));
        Assert.Single(await ws.MessagesAsync(visitor.ConversationId), m => m.SenderRole == SenderRole.Bot);
    }

    /// <summary>No invariant broken, and some round landed between a job's read and its write (else nothing was tested).</summary>
    void Verdict(LogCounter log, string outcomes, List<string> broken)
    {
        var raced = log.Count(Outdated);
        output.WriteLine($"{outcomes}; writes refused between the job's read and write: {raced}");
        Assert.Empty(broken);
        Assert.True(raced > 0, $"{outcomes}, none between the job's read and write: nothing raced.");
    }

    /// <summary>A workspace whose bot is external, with a reply timeout the test never waits for: it runs the deadline itself.</summary>
    static async Task<TestWorkspace> ExternalBotWorkspaceAsync(TestApp app)
    {
        var ws = await TestWorkspace.CreateAsync(app);
        await ws.ConfigureBotAsync(new { engine = "external", replyTimeoutSeconds = 60, external = new { url = "http://127.0.0.1:9/bot", secret = Secret } });
        return ws;
    }

    static JobContext DeadlineJob(TestWorkspace ws, MessageResponse question, int attempt) =>
        new(0, BotDeadlineHandler.JobKind, ws.Id, Payload(new BotDeadlineJob(question.ConversationId, question.Id, question.Seq, 60)), attempt, 8);

    static T Handler<T>(TestApp app) where T : IJobHandler => app.Services.GetServices<IJobHandler>().OfType<T>().Single();

    static string Payload<T>(T job) => JsonSerializer.Serialize(job, JsonDefaults.Options);
}
