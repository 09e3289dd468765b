namespace Switchboard.Server.Realtime.Cluster;

/// <summary>Tells the other nodes what happened here. Both methods return at once: the sending happens in the background.</summary>
public interface IClusterNotifier
{
    /// <summary>A commit on this node took <paramref name="workspaceId"/>'s log to <paramref name="seq"/>.</summary>
    void HeadMoved(long workspaceId, long seq);

    /// <summary>A live-only signal for the other nodes' connections; dropped when it is too large or the queue is full.</summary>
    void Signal(EphemeralSignal signal);
}
