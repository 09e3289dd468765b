using System.Collections.Concurrent;
using Switchboard.Server.Bots.Faq;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// One <see cref="KnowledgeBaseIndex"/> per workspace on this node, rebuilt when the workspace's FAQ revision moved.
/// The revision lives in the database, so a change made through any node is seen by all at their next reply, at the
/// cost of one primary-key read.
/// </summary>
public sealed class KnowledgeBaseCache(Database database, ILogger<KnowledgeBaseCache> logger)
{
    readonly ConcurrentDictionary<long, Cached> cache = new();

    sealed record Cached(long Revision, KnowledgeBaseIndex Index);

    /// <summary>The index of <paramref name="workspaceId"/> at <paramref name="revision"/> (read by the caller) or newer.</summary>
    public async Task<KnowledgeBaseIndex> GetAsync(long workspaceId, long revision, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(workspaceId, out var cached) && cached.Revision >= revision) return cached.Index;
        // The entries and their revision are read together, so the cached pair is always consistent.
        var (current, rows) = await database.ReadAsync(async (c, tx) =>
            (await FaqStore.RevisionAsync(c, tx, workspaceId), await FaqStore.ListAsync(c, tx, workspaceId)), cancellationToken);
        var built = new Cached(current, new KnowledgeBaseIndex(rows.Select(r => r.ToEntry())));
        BotsLog.IndexBuilt(logger, workspaceId, current, built.Index.Count);
        // Two builders racing keep the newer one.
        return cache.AddOrUpdate(workspaceId, built, (_, old) => old.Revision >= built.Revision ? old : built).Index;
    }

    public async Task<KnowledgeBaseIndex> GetAsync(long workspaceId, CancellationToken cancellationToken) =>
        await GetAsync(workspaceId, await database.ReadAsync((c, tx) => FaqStore.RevisionAsync(c, tx, workspaceId), cancellationToken), cancellationToken);
}
