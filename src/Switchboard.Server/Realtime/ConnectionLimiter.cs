using Microsoft.Extensions.Options;

namespace Switchboard.Server.Realtime;

/// <summary>
/// Counts the open streams of this process (every transport) and refuses more than
/// <see cref="RealtimeOptions.MaxConnections"/>, so a flood of clients gets 503s instead of exhausting the process.
/// </summary>
public sealed class ConnectionLimiter(IOptions<RealtimeOptions> options)
{
    int open;

    public int Open => Volatile.Read(ref open);

    public int Limit => options.Value.MaxConnections;

    /// <summary>A lease to dispose when the stream ends, or null when the process is full.</summary>
    public IDisposable? TryAcquire()
    {
        if (Interlocked.Increment(ref open) <= Limit) return new Lease(this);
        Interlocked.Decrement(ref open);
        return null;
    }

    sealed class Lease(ConnectionLimiter limiter) : IDisposable
    {
        int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) Interlocked.Decrement(ref limiter.open);
        }
    }
}
