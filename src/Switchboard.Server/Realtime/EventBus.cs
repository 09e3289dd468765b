using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Realtime;

/// <summary>
/// This node's bus: committed events go into their workspace's feed right after the commit, and
/// ephemeral signals to the feed's listeners. Feeds are created on first use and kept, so the ring also
/// serves clients that reconnect after a while. On several nodes, <see cref="Cluster.ClusterEventBus"/> wraps it.
/// </summary>
public sealed class EventBus(IOptions<RealtimeOptions> options) : IEventBus
{
    readonly ConcurrentDictionary<long, WorkspaceFeed> feeds = new();

    public void Publish(long workspaceId, IReadOnlyList<StoredEvent> events)
    {
        if (events.Count > 0) Feed(workspaceId).Append(events);
    }

    public void PublishEphemeral(EphemeralSignal signal)
    {
        // Nobody connected means nobody to tell: no feed is created for a signal.
        if (feeds.TryGetValue(signal.WorkspaceId, out var feed)) feed.Broadcast(signal);
    }

    public FeedSubscription Subscribe(long workspaceId, IFeedListener listener)
    {
        var feed = Feed(workspaceId);
        feed.Add(listener);
        return new FeedSubscription(feed, listener);
    }

    /// <summary>The feed of <paramref name="workspaceId"/> if someone on this node listens to it.</summary>
    public bool TryGetListenedFeed(long workspaceId, out WorkspaceFeed feed) =>
        feeds.TryGetValue(workspaceId, out feed!) && feed.ListenerCount > 0;

    /// <summary>The workspaces someone on this node listens to now.</summary>
    public List<long> ListenedWorkspaces() => [.. feeds.Values.Where(f => f.ListenerCount > 0).Select(f => f.WorkspaceId)];

    WorkspaceFeed Feed(long workspaceId) =>
        feeds.GetOrAdd(workspaceId, static (id, capacity) => new WorkspaceFeed(id, capacity), options.Value.RingCapacity);
}
