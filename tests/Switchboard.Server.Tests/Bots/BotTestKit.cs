using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Server.Auth;
using Switchboard.Server.Bots;
using Switchboard.Server.Bots.Faq;
using Switchboard.Server.Bots.KnowledgeBase;
using Switchboard.Server.Conversations;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Bots;

/// <summary>Set-up and waits shared by the bot tests, all through the public API.</summary>
public static class BotTestKit
{
    public sealed record FixtureEntry(long Id, string Question, string Answer);
    sealed record Fixture(IReadOnlyList<FixtureEntry> Entries);

    /// <summary>The entries of faq-fixture.json.</summary>
    public static IReadOnlyList<FixtureEntry> FixtureEntries() =>
        JsonSerializer.Deserialize<Fixture>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bots", "faq-fixture.json")), Http.Json)!.Entries;

    /// <summary>faq-fixture.json's entries as the bot reads them, with the real model and every entry's vectors.</summary>
    public sealed record EmbeddedFaq(IReadOnlyList<FaqEntry> Entries, MiniLmEmbedder Embedder, IReadOnlyDictionary<long, float[][]> Vectors)
    {
        /// <summary>The bot's index over the entries; <paramref name="embedder"/> replaces the real model for the question.</summary>
        public KnowledgeBaseIndex Index(ITextEmbedder? embedder = null) => new(Entries, new SemanticIndex(embedder ?? Embedder, Vectors));
    }

    /// <summary>Embeds faq-fixture.json's entries with the real model (loaded once per process), as the bot stores them.</summary>
    public static EmbeddedFaq EmbedFixture()
    {
        var entries = FixtureEntries().Select(e => new FaqEntry(e.Id, e.Question, e.Answer)).ToList();
        var embedder = new MiniLmEmbedder(NullLogger<MiniLmEmbedder>.Instance);
        var vectors = entries.ToDictionary(e => e.Id, e => embedder.Embed(SemanticIndex.TextsOf(e).ToList(), CancellationToken.None).ToArray());
        return new EmbeddedFaq(entries, embedder, vectors);
    }

    /// <summary>The FAQ of the retrieval test (faq-fixture.json), created through <c>POST /api/v1/faq</c>; returns fixture id → entry.</summary>
    public static async Task<IReadOnlyDictionary<long, FaqEntryResponse>> SeedFaqAsync(this TestWorkspace ws)
    {
        var created = new Dictionary<long, FaqEntryResponse>();
        foreach (var e in FixtureEntries())
            created[e.Id] = await (await ws.Admin.PostJsonAsync("/api/v1/faq", new { question = e.Question, answer = e.Answer }))
                .ReadAsync<FaqEntryResponse>(HttpStatusCode.Created);
        return created;
    }

    public static async Task<BotConfigResponse> ConfigureBotAsync(this TestWorkspace ws, object body) =>
        await (await ws.Admin.PatchJsonAsync("/api/v1/bot", body)).ReadAsync<BotConfigResponse>();

    /// <summary>A client authenticated with a new API key of role <c>bot</c>.</summary>
    public static async Task<HttpClient> BotKeyClientAsync(this TestWorkspace ws, string name = "Acme bot")
    {
        var key = await (await ws.Admin.PostJsonAsync("/api/v1/api-keys", new { name, role = Roles.Bot })).ReadAsync<CreatedApiKeyResponse>(HttpStatusCode.Created);
        var client = ws.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        return client;
    }

    public static async Task<IReadOnlyList<MessageResponse>> MessagesAsync(this TestWorkspace ws, long conversationId) =>
        (await ws.Operator.GetAsync<MessagePageResponse>($"/api/v1/conversations/{conversationId}/messages?limit=200")).Items;

    /// <summary>The next bot message stored in the conversation.</summary>
    public static async Task<MessageResponse> BotMessageAsync(this EventWatcher events, long conversationId, Func<MessageResponse, bool>? match = null)
    {
        var e = await events.WaitAsync(e => e.Type == "message.created" && e.ConversationId == conversationId
            && Message(e) is { SenderRole: Core.Messages.SenderRole.Bot } m && (match?.Invoke(m) ?? true), TimeSpan.FromSeconds(30));
        return Message(e);
    }

    /// <summary>The conversation as the bot's handoff left it.</summary>
    public static async Task<ConversationResponse> HandoffAsync(this EventWatcher events, long conversationId) =>
        (await events.WaitAsync(e => e.Type == "conversation.updated" && e.ConversationId == conversationId && e.Change == "handoff",
            TimeSpan.FromSeconds(30))).Conversation!;

    public static MessageResponse Message(LoggedEvent e) => e.Data.GetProperty("message").Deserialize<MessageResponse>(Http.Json)!;
}
