using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Switchboard.Server.Realtime;

/// <summary>
/// One timer for the heartbeats of every open stream: each tick queues a ping on all of them. A timer, a task and
/// its state per connection were a good part of what an idle stream cost (docs/benchmarks.md §4). A stream opened
/// just before a tick gets its first ping early; none waits longer than the interval.
/// </summary>
public sealed class StreamHeartbeat : IDisposable
{
    readonly ConcurrentDictionary<StreamConnection, byte> connections = new();
    readonly ITimer timer;

    public StreamHeartbeat(IOptions<RealtimeOptions> options, TimeProvider clock)
    {
        var interval = options.Value.HeartbeatInterval;
        // Created inside the first stream's request: its async-local state (activity, log scopes) must not live on in every tick.
        using (ExecutionContext.SuppressFlow()) timer = clock.CreateTimer(_ => Beat(), null, interval, interval);
    }

    /// <summary>The streams that get a ping on the next tick.</summary>
    public int Count => connections.Count;

    /// <summary>Pings <paramref name="connection"/> on every tick until the returned registration is disposed.</summary>
    public Registration Register(StreamConnection connection)
    {
        connections.TryAdd(connection, 0);
        return new Registration(this, connection);
    }

    public void Dispose() => timer.Dispose();

    void Beat()
    {
        // A closing stream refuses the ping; the dictionary's enumerator takes no lock and no snapshot.
        foreach (var (connection, _) in connections) connection.TryEnqueue(OutboundFrame.Ping);
    }

    public readonly struct Registration(StreamHeartbeat heartbeat, StreamConnection connection) : IDisposable
    {
        public void Dispose() => heartbeat.connections.TryRemove(connection, out _);
    }
}
