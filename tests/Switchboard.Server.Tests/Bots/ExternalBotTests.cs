using System.Net;
using Switchboard.Core.Conversations;
using Switchboard.Core.Messages;
using Switchboard.Server.Realtime;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Bots;

/// <summary>An external bot: signed webhook out, answers and handoffs back through the API with its own bot key.</summary>
public sealed class ExternalBotTests
{
    const string Secret = "ebsec_5b1e0c7d9a2f4e68";

    [Fact]
    public async Task ASignedWebhookGoesOutAndTheBotAnswersOrHandsOffThroughTheApi()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, bots: true);
        var ws = await TestWorkspace.CreateAsync(app);
        var botKey = await ws.BotKeyClientAsync("Acme bot");
        await using var bot = await ExternalBotReceiver.StartAsync(Secret, botKey);
        await ws.ConfigureBotAsync(new { engine = "external", replyTimeoutSeconds = 60, external = new { url = bot.Url, secret = Secret } });
        using var events = new EventWatcher(app, ws.Id);

        // The bot verifies the signature and answers through the API: the reply is the bot's message.
        var visitor = await ws.NewVisitorAsync();
        bot.Enqueue(new ExternalBotReceiver.Answer("Your order #1042 left our warehouse yesterday."));
        var question = await visitor.WriteAsync("Where is my order #1042?");
        var answer = await events.BotMessageAsync(visitor.ConversationId);
        Assert.Equal(("Your order #1042 left our warehouse yesterday.", "Acme bot"), (answer.Text, answer.SenderName));
        var first = await bot.WaitForAsync(1);
        Assert.True(first.SignatureValid);
        Assert.Equal((int)HttpStatusCode.Created, first.ApiStatus);
        Assert.Equal("bot.message", first.Headers["X-Switchboard-Event"]);
        Assert.Equal($"bot-reply-{question.Message.Id}", first.Body.GetProperty("replyId").GetString());
        Assert.Equal(answer.ClientMessageId, first.Body.GetProperty("replyId").GetString());
        Assert.Equal("Where is my order #1042?", first.Body.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(visitor.ConversationId, first.Body.GetProperty("conversation").GetProperty("id").GetInt64());
        // Its answer ends the thinking shown to viewers.
        await events.WaitSignalAsync(s => s.Type == EphemeralSignals.BotThinking && s.ConversationId == visitor.ConversationId && s.Data is BotThinkingData { Thinking: false });

        // The bot hands off through the API, with its reason.
        bot.Enqueue(new ExternalBotReceiver.HandOff("Invoice address changes need the billing team"));
        await visitor.WriteAsync("I need to change the address on my invoice");
        var queued = await events.HandoffAsync(visitor.ConversationId);
        Assert.Equal((ConversationState.Queued, "Invoice address changes need the billing team"), (queued.State, queued.HandoffReason));
        Assert.Equal((int)HttpStatusCode.OK, (await bot.WaitForAsync(2)).ApiStatus);
        // A bot key answers customers, nothing else of the team's.
        Assert.Equal(HttpStatusCode.Forbidden, (await botKey.GetAsync("/api/v1/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await botKey.PatchJsonAsync($"/api/v1/conversations/{visitor.ConversationId}", new { mutationId = "m-bot", botActive = true })).StatusCode);

        // A bot that acknowledges but never answers: the deadline hands off.
        await ws.ConfigureBotAsync(new { replyTimeoutSeconds = 1 });
        var silent = await ws.NewVisitorAsync("Sid Silent");
        bot.Enqueue(new ExternalBotReceiver.Ignore());
        await silent.WriteAsync("Hello? Is anybody there?");
        Assert.Equal("The external bot did not answer within 1 s", (await events.HandoffAsync(silent.ConversationId)).HandoffReason);
        Assert.Equal(["Let me get a human for you."], (await ws.MessagesAsync(silent.ConversationId)).Where(m => m.SenderRole == SenderRole.Bot).Select(m => m.Text));

        // Signed with another secret, the webhook is refused by the bot, and the conversation goes to the humans.
        await ws.ConfigureBotAsync(new { replyTimeoutSeconds = 60, external = new { secret = "ebsec_not_the_bots_secret" } });
        var refused = await ws.NewVisitorAsync("Rita Refused");
        await refused.WriteAsync("Do you sell gift cards?");
        Assert.Equal("The bot failed: the external bot answered HTTP 401", (await events.HandoffAsync(refused.ConversationId)).HandoffReason);
        Assert.False((await bot.WaitForAsync(4)).SignatureValid);
    }
}
