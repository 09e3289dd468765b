using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Switchboard.Server.Realtime;

namespace Switchboard.Server.Presence;

/// <summary>
/// Throttles activity writes in memory (one per member per <see cref="PresenceOptions.TouchThrottle"/>) and counts
/// this node's open stream connections per member, which <see cref="PresenceHeartbeat"/> keeps touching.
/// </summary>
public sealed class PresenceTracker(PresenceService presence, IOptions<PresenceOptions> options, TimeProvider clock, ILogger<PresenceTracker> logger)
    : IPresenceTracker
{
    readonly ConcurrentDictionary<long, long> lastWriteMs = new();
    readonly ConcurrentDictionary<(long WorkspaceId, long MemberId), int> connections = new();

    public async Task TouchAsync(long workspaceId, long memberId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var throttle = (long)options.Value.TouchThrottle.TotalMilliseconds;
        if (lastWriteMs.TryGetValue(memberId, out var last) && now - last < throttle) return;
        lastWriteMs[memberId] = now;
        try
        {
            await presence.TouchAsync(workspaceId, memberId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Activity is best effort: a failed write must not fail the request that caused it. Forget the
            // throttle entry so the next request tries again.
            lastWriteMs.TryRemove(memberId, out _);
            PresenceLog.TouchFailed(logger, memberId, ex.GetType().Name, ex);
        }
    }

    /// <summary>Forgets the throttle of a member whose presence changed elsewhere, so their next request writes.</summary>
    public void Forget(long memberId) => lastWriteMs.TryRemove(memberId, out _);

    /// <summary>Notes an explicit write of activity (a presence change) so the next touches are throttled from now.</summary>
    public void Written(long memberId) => lastWriteMs[memberId] = clock.GetUtcNow().ToUnixTimeMilliseconds();

    public Task ConnectionOpenedAsync(long workspaceId, long memberId, CancellationToken cancellationToken)
    {
        connections.AddOrUpdate((workspaceId, memberId), 1, (_, n) => n + 1);
        return TouchAsync(workspaceId, memberId, cancellationToken);
    }

    public void ConnectionClosed(long workspaceId, long memberId)
    {
        var key = (workspaceId, memberId);
        if (connections.AddOrUpdate(key, 0, (_, n) => Math.Max(0, n - 1)) == 0)
            connections.TryRemove(new KeyValuePair<(long, long), int>(key, 0));
    }

    public IReadOnlyList<(long WorkspaceId, long MemberId)> Connected() => connections.Where(c => c.Value > 0).Select(c => c.Key).ToList();
}
