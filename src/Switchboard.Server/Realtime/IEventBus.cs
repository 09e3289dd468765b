using Switchboard.Server.EventLog;

namespace Switchboard.Server.Realtime;

/// <summary>
/// The fan-out bus between committed events and this node's stream connections. The in-process
/// implementation serves one node; a multi-node one (PostgreSQL LISTEN/NOTIFY) fits behind the same
/// interface by also telling the other nodes, whose feeds then learn of new seqs through
/// <see cref="WorkspaceFeed.Advance"/> and read the events from the log.
/// </summary>
public interface IEventBus : IEventPublisher, IEphemeralPublisher
{
    /// <summary>
    /// Joins a workspace's live feed: <paramref name="listener"/> is woken after every publish and offered
    /// every ephemeral signal of the workspace until the subscription is disposed.
    /// </summary>
    FeedSubscription Subscribe(long workspaceId, IFeedListener listener);
}
