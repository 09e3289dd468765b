namespace Switchboard.Server.Realtime.Cluster;

/// <summary>
/// The bus of a node among several (PostgreSQL): everything goes to this node's feeds as on one node, and the other
/// nodes are told, committed events by their workspace's new head (they read the events from the log), signals whole.
/// </summary>
public sealed class ClusterEventBus(EventBus local, IClusterNotifier notifier) : IEventBus
{
    public void Publish(long workspaceId, IReadOnlyList<EventLog.StoredEvent> events)
    {
        if (events.Count == 0) return;
        local.Publish(workspaceId, events);
        notifier.HeadMoved(workspaceId, events.Max(e => e.Seq));
    }

    public void PublishEphemeral(EphemeralSignal signal)
    {
        local.PublishEphemeral(signal);
        notifier.Signal(signal);
    }

    public FeedSubscription Subscribe(long workspaceId, IFeedListener listener) => local.Subscribe(workspaceId, listener);
}
