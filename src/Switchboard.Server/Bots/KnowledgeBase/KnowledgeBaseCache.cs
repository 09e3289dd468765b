using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Switchboard.Server.Bots.Faq;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// One <see cref="KnowledgeBaseIndex"/> per workspace on this node, rebuilt when the workspace's FAQ revision moved.
/// The revision lives in the database, so a change made through any node is seen by all at their next reply, at the
/// cost of one primary-key read. A rebuild embeds only the texts no node has embedded yet with this model (a new or
/// edited entry, or all of them after a model change) and stores them, so a restart or another node embeds nothing.
/// </summary>
public sealed class KnowledgeBaseCache(Database database, ITextEmbedder embedder, IOptions<BotsOptions> options, ILogger<KnowledgeBaseCache> logger)
{
    readonly ConcurrentDictionary<long, Cached> cache = new();

    sealed record Cached(long Revision, KnowledgeBaseIndex Index);

    /// <summary>The index of <paramref name="workspaceId"/> at <paramref name="revision"/> (read by the caller) or newer.</summary>
    public async Task<KnowledgeBaseIndex> GetAsync(long workspaceId, long revision, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(workspaceId, out var cached) && cached.Revision >= revision) return cached.Index;
        // The entries and their revision are read together, so the cached pair is always consistent.
        var (current, rows, stored) = await database.ReadAsync(async (c, tx) =>
            (await FaqStore.RevisionAsync(c, tx, workspaceId), await FaqStore.ListAsync(c, tx, workspaceId),
             await FaqEmbeddingStore.ListAsync(c, tx, workspaceId)), cancellationToken);
        var entries = rows.Select(r => r.ToEntry()).ToList();
        var semantic = options.Value.SemanticSearch && entries.Count > 0
            ? await SemanticIndexAsync(workspaceId, entries, stored, cancellationToken) : null;
        var built = new Cached(current, new KnowledgeBaseIndex(entries, semantic));
        BotsLog.IndexBuilt(logger, workspaceId, current, built.Index.Count);
        // Two builders racing keep the newer one.
        return cache.AddOrUpdate(workspaceId, built, (_, old) => old.Revision >= built.Revision ? old : built).Index;
    }

    public async Task<KnowledgeBaseIndex> GetAsync(long workspaceId, CancellationToken cancellationToken) =>
        await GetAsync(workspaceId, await database.ReadAsync((c, tx) => FaqStore.RevisionAsync(c, tx, workspaceId), cancellationToken), cancellationToken);

    async Task<SemanticIndex> SemanticIndexAsync(long workspaceId, IReadOnlyList<FaqEntry> entries,
        IReadOnlyList<(string Model, string TextHash, float[] Vector)> stored, CancellationToken cancellationToken)
    {
        // The first index of the process waits here for the model (seconds, on a thread of its own), not in Embed.
        await embedder.LoadAsync(cancellationToken);
        var model = embedder.Model;
        var known = stored.Where(s => s.Model == model).ToDictionary(s => s.TextHash, s => s.Vector, StringComparer.Ordinal);
        var needed = entries.SelectMany(SemanticIndex.TextsOf).DistinctBy(SemanticIndex.Hash).ToDictionary(SemanticIndex.Hash, t => t, StringComparer.Ordinal);
        var missing = needed.Where(n => !known.ContainsKey(n.Key)).ToList();
        // A node still on an older revision may remove a vector a newer one just stored: that costs one embedding later, nothing else.
        var stale = stored.Where(s => s.Model != model || !needed.ContainsKey(s.TextHash)).Select(s => (s.Model, s.TextHash)).ToList();
        if (missing.Count > 0)
        {
            var vectors = embedder.Embed(missing.Select(m => m.Value).ToList(), cancellationToken);
            for (var i = 0; i < missing.Count; i++) known[missing[i].Key] = vectors[i];
        }
        if (missing.Count > 0 || stale.Count > 0)
        {
            await database.WriteTransactionAsync(workspaceId, async (c, tx) =>
            {
                await FaqEmbeddingStore.SaveAsync(c, tx, workspaceId, model, missing.Select(m => (m.Key, known[m.Key])));
                await FaqEmbeddingStore.DeleteAsync(c, tx, workspaceId, stale);
                return 0;
            }, cancellationToken);
            BotsLog.Embedded(logger, workspaceId, missing.Count, model, stale.Count);
        }
        return new SemanticIndex(embedder, entries.ToDictionary(e => e.Id, e => SemanticIndex.TextsOf(e).Select(t => known[SemanticIndex.Hash(t)]).ToArray()));
    }
}
