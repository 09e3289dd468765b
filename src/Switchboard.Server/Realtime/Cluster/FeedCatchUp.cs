using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.Options;
using Switchboard.Server.EventLog;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Realtime.Cluster;

/// <summary>
/// Brings this node's feeds up to what other nodes committed: told that a workspace's log reached a seq (by a
/// notification or the head check), it reads the events this node lacks from the log, once for all its listeners,
/// and appends them to the feed in seq order. One reader per workspace at a time; only feeds with listeners are
/// kept up to date (a stream that opens later learns the head from the log itself).
/// </summary>
public sealed class FeedCatchUp(EventBus bus, Database database, IOptions<RealtimeOptions> options, IHostApplicationLifetime lifetime,
    ILogger<FeedCatchUp> logger)
{
    readonly ConcurrentDictionary<long, long> committed = new();
    readonly ConcurrentDictionary<long, byte> reading = new();

    /// <summary>The log of <paramref name="workspaceId"/> holds events up to <paramref name="seq"/>. Returns at once.</summary>
    public void Request(long workspaceId, long seq)
    {
        // This node's own commits are already in its feed: their notifications end here.
        if (!bus.TryGetListenedFeed(workspaceId, out var feed) || seq <= feed.Head) return;
        committed.AddOrUpdate(workspaceId, seq, (_, known) => Math.Max(known, seq));
        if (reading.TryAdd(workspaceId, 0)) _ = Task.Run(() => ReadAsync(feed));
    }

    /// <summary>Reads the heads of every workspace listened to on this node and catches up those that moved.</summary>
    public async Task CheckHeadsAsync(CancellationToken cancellationToken)
    {
        var ids = bus.ListenedWorkspaces();
        if (ids.Count == 0) return;
        var heads = await database.ReadAsync((c, tx) => c.QueryAsync<(long Id, long LastSeq)>(new CommandDefinition(
            "SELECT id, last_seq FROM workspaces WHERE id = ANY(@ids)", new { ids = ids.ToArray() }, tx, cancellationToken: cancellationToken)),
            cancellationToken);
        foreach (var (id, lastSeq) in heads) Request(id, lastSeq);
    }

    async Task ReadAsync(WorkspaceFeed feed)
    {
        var workspaceId = feed.WorkspaceId;
        do
        {
            try
            {
                while (committed.TryGetValue(workspaceId, out var target) && target > feed.Head)
                {
                    if (await ReadPageAsync(feed)) continue;
                    // The log holds nothing past the feed's head, yet the target is beyond it (a database restored to an
                    // older state): forget the target rather than read forever, unless a newer one came in meanwhile.
                    committed.TryUpdate(workspaceId, feed.Head, target);
                }
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be down: retrying at once would spin, the head check retries at its pace.
                ClusterLog.CatchUpFailed(logger, workspaceId, ex.GetType().Name);
                reading.TryRemove(workspaceId, out _);
                return;
            }
            reading.TryRemove(workspaceId, out _);
            // A request that came in after the last look, but found this reader still running, is served here.
        } while (committed.TryGetValue(workspaceId, out var latest) && latest > feed.Head && reading.TryAdd(workspaceId, 0));
    }

    /// <summary>Appends the next page after the feed's head; false when there is nothing more to read now.</summary>
    async Task<bool> ReadPageAsync(WorkspaceFeed feed)
    {
        var from = feed.Head;
        var page = await EventLogStore.ReadAfterAsync(database, feed.WorkspaceId, from, options.Value.PageSize, lifetime.ApplicationStopping);
        if (!page.Bounds.CanResume(from))
        {
            // Compacted past this feed's head: its listeners find out on their next read and reset.
            feed.Advance(page.Bounds.LastSeq);
            return false;
        }
        if (page.Events.Count == 0) return false;
        feed.Append(page.Events);
        return true;
    }
}
