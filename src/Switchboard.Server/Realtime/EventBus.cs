using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Switchboard.Server.Events;

namespace Switchboard.Server.Realtime;

/// <summary>
/// The single-node bus: committed events go into their workspace's feed right after the commit, and
/// ephemeral signals to the feed's listeners. Feeds are created on first use and kept, so the ring also
/// serves clients that reconnect after a while.
/// </summary>
public sealed class EventBus(IOptions<RealtimeOptions> options) : IEventBus
{
    readonly ConcurrentDictionary<long, WorkspaceFeed> feeds = new();
    readonly ConcurrentDictionary<long, Action<IReadOnlyList<StoredEvent>>[]> observers = new();

    /// <summary>A bus with default options, for code that builds a <see cref="Storage.Database"/> by hand.</summary>
    public EventBus() : this(Options.Create(new RealtimeOptions()))
    {
    }

    public void Publish(long workspaceId, IReadOnlyList<StoredEvent> events)
    {
        if (events.Count == 0) return;
        Feed(workspaceId).Append(events);
        if (observers.TryGetValue(workspaceId, out var handlers))
            foreach (var handler in handlers) handler(events);
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

    /// <summary>
    /// Calls <paramref name="handler"/> with every committed batch of a workspace, synchronously and in publish
    /// order (in-process observers such as tests). It must not block: it runs on the committing writer's thread.
    /// </summary>
    public IDisposable Subscribe(long workspaceId, Action<IReadOnlyList<StoredEvent>> handler)
    {
        observers.AddOrUpdate(workspaceId, _ => [handler], (_, h) => [.. h, handler]);
        return new Unsubscriber(() => observers.AddOrUpdate(workspaceId, _ => [], (_, h) => [.. h.Where(x => x != handler)]));
    }

    WorkspaceFeed Feed(long workspaceId) =>
        feeds.GetOrAdd(workspaceId, static (id, capacity) => new WorkspaceFeed(id, capacity), options.Value.RingCapacity);

    sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) unsubscribe();
        }
    }
}
