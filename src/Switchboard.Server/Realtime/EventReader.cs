using Microsoft.Extensions.Options;
using Switchboard.Server.EventLog;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Realtime;

/// <summary>
/// Reads what comes after a position for every transport: from the workspace's ring when it holds the next
/// seq, from the log when it does not (the client is behind the ring, or two commits published out of order).
/// </summary>
public sealed class EventReader(Database database, IOptions<RealtimeOptions> options, RealtimeMetrics metrics)
{
    /// <summary>
    /// The position a new stream starts from: the client's cursor, or the current head when it sent none.
    /// Null means the cursor cannot be resumed (compacted, or ahead of the log) and the client must reset.
    /// The feed learns the log's head here, so a ring that is empty after a restart is not taken for "caught up".
    /// </summary>
    public async Task<(long? Start, long Head)> StartAsync(WorkspaceFeed feed, long? cursor, CancellationToken cancellationToken)
    {
        var bounds = await EventLogStore.BoundsAsync(database, feed.WorkspaceId, cancellationToken);
        feed.LearnHead(bounds.LastSeq);
        if (cursor is not { } c) return (bounds.LastSeq, bounds.LastSeq);
        return (bounds.CanResume(c) ? c : null, bounds.LastSeq);
    }

    /// <summary>The events after <paramref name="position"/> (at most a page), an empty batch when caught up, or a reset.</summary>
    public async Task<EventBatch> NextAsync(WorkspaceFeed feed, long position, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.PageSize;
        List<StoredEvent>? fromRing = null;
        for (var seq = position + 1; (fromRing?.Count ?? 0) < pageSize && feed.TryGet(seq, out var e); seq++)
            (fromRing ??= []).Add(e);
        if (fromRing is not null)
        {
            metrics.Read(RealtimeMetrics.RingSource, fromRing.Count);
            return new EventBatch(fromRing, null);
        }
        // Read the head after missing the ring: an event published in between is either seen here or wakes us later.
        if (feed.Head <= position) return EventBatch.Empty;

        var page = await EventLogStore.ReadAfterAsync(database, feed.WorkspaceId, position, pageSize, cancellationToken);
        if (!page.Bounds.CanResume(position)) return new EventBatch([], page.Bounds.LastSeq);
        metrics.Read(RealtimeMetrics.DatabaseSource, page.Events.Count);
        if (page.Events.Count > 0 && page.Events[0].Seq != position + 1)
            throw new InvalidOperationException($"The log of workspace {feed.WorkspaceId} has a gap after seq {position}.");
        return new EventBatch(page.Events, null);
    }
}
