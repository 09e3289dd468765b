using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Server.Bots.Faq;
using Switchboard.Server.Bots.KnowledgeBase;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Bots;

/// <summary>FAQ embeddings are stored: a restart embeds nothing again, an edit embeds only what changed, a new model everything.</summary>
public sealed class FaqEmbeddingTests
{
    /// <summary>The real model under another name (a package upgrade), counting the texts it embeds.</summary>
    sealed class CountingEmbedder(string model) : ITextEmbedder
    {
        readonly MiniLmEmbedder inner = new(NullLogger<MiniLmEmbedder>.Instance);
        int embedded;

        public string Model => model;
        public int Embedded => Volatile.Read(ref embedded);

        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref embedded, texts.Count);
            return inner.Embed(texts, cancellationToken);
        }
    }

    static async Task<TestApp> StartAsync(TestDatabase database, CountingEmbedder embedder) =>
        await TestApp.StartAsync(database.Kind, database: database, configureServices: s => s.AddSingleton<ITextEmbedder>(embedder));

    [Theory, BothDatabases]
    public async Task StoredVectorsSurviveARestartAndAreReplacedWhenTheTextOrTheModelChanges(DatabaseKind db)
    {
        await using var database = await TestDatabase.CreateAsync(db);
        var first = new CountingEmbedder("model-a");
        long workspaceId;
        await using (var app = await StartAsync(database, first))
        {
            var ws = await TestWorkspace.CreateAsync(app);
            workspaceId = ws.Id;
            var faq = await ws.SeedFaqAsync();

            // Every entry's question and question + answer are embedded once; then the question itself.
            var search = await ws.Operator.GetAsync<FaqSearchResponse>("/api/v1/faq/search?q=" + Uri.EscapeDataString("do you offer gift vouchers"));
            Assert.Equal(faq[14].Id, search.Matches[0].Id);
            Assert.Equal("answer", search.Decision);
            Assert.Equal("model-a", search.Model);
            Assert.NotNull(search.Matches[0].Semantic);
            Assert.InRange(search.Matches[0].Keyword, 0, 1);
            Assert.Equal(2 * faq.Count + 1, first.Embedded);
            Assert.Equal(2 * faq.Count, await CountAsync(app, workspaceId, "model-a"));

            // An edited answer: its question's vector stays, the question + answer one is replaced.
            await (await ws.Admin.PatchJsonAsync($"/api/v1/faq/{faq[14].Id}", new { answer = "Yes: gift cards from €5, by email." })).ReadAsync<FaqEntryResponse>();
            await app.Service<KnowledgeBaseCache>().GetAsync(workspaceId, CancellationToken.None);
            Assert.Equal(2 * faq.Count + 2, first.Embedded);
            Assert.Equal(2 * faq.Count, await CountAsync(app, workspaceId, "model-a"));
        }

        // A restart reads the vectors: nothing is embedded to build the index.
        var again = new CountingEmbedder("model-a");
        await using (var app = await StartAsync(database, again))
        {
            var index = await app.Service<KnowledgeBaseCache>().GetAsync(workspaceId, CancellationToken.None);
            Assert.True(index.IsSemantic);
            Assert.Equal(0, again.Embedded);
        }

        // Another model embeds everything again and drops the old model's vectors.
        var upgraded = new CountingEmbedder("model-b");
        await using (var app = await StartAsync(database, upgraded))
        {
            await app.Service<KnowledgeBaseCache>().GetAsync(workspaceId, CancellationToken.None);
            Assert.Equal(40, upgraded.Embedded);
            Assert.Equal(40, await CountAsync(app, workspaceId, "model-b"));
            Assert.Equal(0, await CountAsync(app, workspaceId, "model-a"));
        }
    }

    static async Task<long> CountAsync(TestApp app, long workspaceId, string model)
    {
        await using var c = await app.Database.OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM faq_embeddings WHERE workspace_id = @workspaceId AND model = @model", new { workspaceId, model });
    }
}
