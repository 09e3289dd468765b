using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Messages;
using Switchboard.Server.Bots;
using Switchboard.Server.Bots.Config;
using Switchboard.Server.Bots.KnowledgeBase;
using Switchboard.Server.Conversations;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Jobs;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Bots;

public sealed class BotConfigApiTests
{
    [Fact]
    public async Task AdminsConfigureTheBotAndSecretsAreWriteOnlyAndEncryptedAtRest()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, bots: true);
        var ws = await TestWorkspace.CreateAsync(app);

        var defaults = await ws.Admin.GetAsync<BotConfigResponse>("/api/v1/bot");
        Assert.Equal((BotEngineKind.KnowledgeBase, KnowledgeBaseBotOptions.DefaultConfidenceThreshold, 30, "Let me get a human for you."),
            (defaults.Engine, defaults.ConfidenceThreshold, defaults.ReplyTimeoutSeconds, defaults.HandoffMessage));
        Assert.False(defaults.Llm.ApiKeySet);
        await (await ws.Operator.GetAsync("/api/v1/bot")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ws.Operator.PatchJsonAsync("/api/v1/bot", new { greeting = "Hi" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        // Refusals name the field; an engine that could not run is refused when chosen.
        await (await ws.Admin.PatchJsonAsync("/api/v1/bot", new { engine = "chatgpt" })).AssertProblemAsync(HttpStatusCode.BadRequest, "engine_invalid");
        await (await ws.Admin.PatchJsonAsync("/api/v1/bot", new { engine = "llm" })).AssertProblemAsync(HttpStatusCode.BadRequest, "llm_incomplete");
        await (await ws.Admin.PatchJsonAsync("/api/v1/bot", new { confidenceThreshold = 1.5 })).AssertProblemAsync(HttpStatusCode.BadRequest, "confidence_threshold_invalid");
        await (await ws.Admin.PatchJsonAsync("/api/v1/bot", new { replyTimeoutSeconds = 0 })).AssertProblemAsync(HttpStatusCode.BadRequest, "reply_timeout_seconds_invalid");
        await (await ws.Admin.PatchJsonAsync("/api/v1/bot", new { llm = new { baseUrl = "file:///etc/passwd" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "llm_base_url_invalid");
        await (await ws.Admin.PatchJsonAsync("/api/v1/bot", new { engine = "external", external = new { url = "http://127.0.0.1:9/bot", secret = "short" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "external_secret_invalid");

        const string key = "sk-live-9a8b7c6d5e4f";
        var response = await ws.Admin.PatchJsonAsync("/api/v1/bot", new
        {
            engine = "llm",
            greeting = "Hi! I am the shop's assistant.",
            handoffPhrases = new[] { "real person", "Mitarbeiter" },
            llm = new { baseUrl = "http://127.0.0.1:11434/v1", model = "llama3.2", apiKey = key, temperature = 0.2 },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(key, body, StringComparison.Ordinal);
        var saved = await response.ReadAsync<BotConfigResponse>();
        Assert.Equal((BotEngineKind.Llm, "llama3.2", "http://127.0.0.1:11434/v1", true), (saved.Engine, saved.Llm.Model, saved.Llm.BaseUrl, saved.Llm.ApiKeySet));
        Assert.Equal(["real person", "Mitarbeiter"], saved.HandoffPhrases);
        Assert.DoesNotContain(key, await (await ws.Admin.GetAsync("/api/v1/bot")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // At rest: a Data Protection ciphertext, which the node (any node sharing the key ring) reads back.
        var stored = await app.Database.ReadAsync((c, tx) => c.QuerySingleAsync<string>(
            "SELECT llm_api_key FROM bot_configs WHERE workspace_id = @Id AND inbox_id IS NULL", new { ws.Id }, tx), CancellationToken.None);
        Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
        Assert.Equal(key, app.Service<BotSecrets>().Unprotect(ws.Id, stored));
        Assert.Null(app.Service<BotSecrets>().Unprotect(ws.Id + 1, stored)); // bound to its workspace
        Assert.True(await app.Database.ReadAsync((c, tx) => c.QuerySingleAsync<long>("SELECT COUNT(*) FROM data_protection_keys", transaction: tx), CancellationToken.None) >= 1);

        // A PATCH that names no secret keeps it; "" removes it.
        Assert.True((await ws.ConfigureBotAsync(new { greeting = "Hello!" })).Llm.ApiKeySet);
        Assert.False((await ws.ConfigureBotAsync(new { llm = new { apiKey = "" } })).Llm.ApiKeySet);
    }

    [Fact]
    public async Task AnInboxOverridesTheWorkspaceFieldByFieldAndGreetsOnce()
    {
        var jobs = new JobRecorder();
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, bots: true, configureServices: s => s.AddSingleton<IJobObserver>(jobs));
        var ws = await TestWorkspace.CreateAsync(app);
        await ws.ConfigureBotAsync(new { greeting = "Hi! Ask me anything.", confidenceThreshold = 0.4 });
        var german = await (await ws.Admin.PostJsonAsync("/api/v1/inboxes", new { name = "Shop DE", channel = "widget" })).ReadAsync<InboxResponse>(HttpStatusCode.Created);

        var put = await (await ws.Admin.PutAsJsonAsync($"/api/v1/bot/inboxes/{german.Id}", new { greeting = "Hallo! Wie kann ich helfen?", handoffMessage = "" }, Http.Json))
            .ReadAsync<InboxBotConfigResponse>();
        Assert.Equal(("Hallo! Wie kann ich helfen?", null, ""), (put.Override.Greeting, put.Override.ConfidenceThreshold, put.Override.HandoffMessage));
        Assert.Equal(("Hallo! Wie kann ich helfen?", 0.4, BotEngineKind.KnowledgeBase), (put.Effective.Greeting, put.Effective.ConfidenceThreshold, put.Effective.Engine));
        await (await ws.Admin.GetAsync("/api/v1/bot/inboxes/999999")).AssertProblemAsync(HttpStatusCode.NotFound, "inbox_not_found");

        // A conversation that starts in each inbox gets that inbox's greeting, once.
        using var events = new EventWatcher(app, ws.Id);
        var visitor = await ws.NewVisitorAsync();
        var greeting = await events.BotMessageAsync(visitor.ConversationId);
        Assert.Equal(("Hi! Ask me anything.", $"bot-greeting-{visitor.ConversationId}"), (greeting.Text, greeting.ClientMessageId));
        var again = await (await visitor.Client.PostAsync("/api/v1/widget/conversation", null)).ReadAsync<ConversationWriteResponse>();
        Assert.True(again.Replayed);
        var guest = await NewVisitorAsync(ws, german);
        Assert.Equal("Hallo! Wie kann ich helfen?", (await events.BotMessageAsync(guest)).Text);
        var greeted = await jobs.WaitAsync(o => o.Kind == BotGreetingHandler.JobKind && o.State == JobState.Succeeded, TimeSpan.FromSeconds(30));
        await jobs.WaitAsync(o => o.Kind == BotGreetingHandler.JobKind && o.State == JobState.Succeeded && o.JobId != greeted.JobId, TimeSpan.FromSeconds(30));
        Assert.Equal(2, jobs.Outcomes.Count(o => o.Kind == BotGreetingHandler.JobKind)); // one per conversation, none for the replayed start
        Assert.Single(await ws.MessagesAsync(visitor.ConversationId), m => m.SenderRole == SenderRole.Bot);

        // Removing the override puts the inbox back on the workspace's configuration.
        Assert.Equal(HttpStatusCode.NoContent, (await ws.Admin.DeleteAsync($"/api/v1/bot/inboxes/{german.Id}")).StatusCode);
        var back = await ws.Admin.GetAsync<InboxBotConfigResponse>($"/api/v1/bot/inboxes/{german.Id}");
        Assert.Equal(("Hi! Ask me anything.", null), (back.Effective.Greeting, back.Override.Greeting));
    }

    static async Task<long> NewVisitorAsync(TestWorkspace ws, InboxResponse inbox)
    {
        var client = ws.App.CreateClient();
        var session = await (await client.PostJsonAsync("/api/v1/widget/sessions", new { inboxToken = inbox.PublicToken, name = "Greta Gast" }))
            .ReadAsync<Switchboard.Server.Widget.WidgetSessionResponse>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", session.Token);
        return (await (await client.PostAsync("/api/v1/widget/conversation", null)).ReadAsync<ConversationWriteResponse>()).Conversation.Id;
    }
}
