using System.Collections.Concurrent;
using Switchboard.Server.Auth;

namespace Switchboard.Server.Realtime;

/// <summary>
/// The typing rate of HTTP callers: one <see cref="SignalRateLimiter"/> per caller with the WebSocket's budget
/// (<see cref="RealtimeOptions.SignalsPerSecond"/>, <see cref="RealtimeOptions.SignalBurst"/>), since an HTTP caller
/// has no connection to hang one on.
/// </summary>
public sealed class TypingRateLimits(TimeProvider clock, RealtimeOptions options)
{
    // Typists are few and short-lived; past this many the table starts over rather than grow without bound.
    const int MaxCallers = 10_000;
    readonly ConcurrentDictionary<string, SignalRateLimiter> limiters = new(StringComparer.Ordinal);

    /// <summary>Takes one of the caller's typing tokens; when none is left, <paramref name="retryAfter"/> says when the next one is.</summary>
    public bool TryTake(Caller caller, out TimeSpan retryAfter)
    {
        if (limiters.Count >= MaxCallers) limiters.Clear();
        var limiter = limiters.GetOrAdd($"{caller.WorkspaceId}:{caller.Actor.Type}:{caller.Actor.Id}",
            _ => new SignalRateLimiter(clock, options.SignalsPerSecond, options.SignalBurst));
        // The limiter expects one caller at a time (a connection's receive loop); requests may overlap.
        lock (limiter)
        {
            var taken = limiter.TryTake();
            retryAfter = taken ? TimeSpan.Zero : limiter.UntilNext;
            return taken;
        }
    }
}
