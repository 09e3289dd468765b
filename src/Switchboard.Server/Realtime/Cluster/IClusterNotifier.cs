namespace Switchboard.Server.Realtime.Cluster;

/// <summary>Tells the other nodes what happened here. Both methods return at once: the sending happens in the background.</summary>
public interface IClusterNotifier
{
    /// <summary>A commit on this node took <paramref name="workspaceId"/>'s log to <paramref name="seq"/>.</summary>
    void HeadMoved(long workspaceId, long seq);

    /// <summary>A live-only signal for the other nodes' connections; dropped when it is too large or the queue is full.</summary>
    void Signal(EphemeralSignal signal);

    /// <summary>
    /// A committed change made entry <paramref name="key"/> of the cache named <paramref name="cache"/> stale on every
    /// node (see <see cref="IClusterCache"/>). Does nothing on a single node: the caller has already dropped its own copy.
    /// </summary>
    void CacheChanged(string cache, long key);
}
