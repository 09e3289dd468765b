namespace Switchboard.Server.Realtime;

/// <summary>
/// Tells presence that a member is active. HTTP requests call <see cref="TouchAsync"/> through the middleware;
/// the stream transports call <see cref="ConnectionOpenedAsync"/> and <see cref="ConnectionClosed"/>, and while a
/// member has an open connection on this node they count as active.
/// </summary>
public interface IPresenceTracker
{
    /// <summary>Records activity (throttled: at most one write per member per the presence feature's touch throttle).</summary>
    Task TouchAsync(long workspaceId, long memberId, CancellationToken cancellationToken);

    Task ConnectionOpenedAsync(long workspaceId, long memberId, CancellationToken cancellationToken);

    void ConnectionClosed(long workspaceId, long memberId);
}
