using Microsoft.Extensions.Options;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Realtime;

/// <summary>
/// Counts the open streams of this process (every transport) and refuses more than
/// <see cref="Limit"/>, so a flood of clients gets 503s instead of exhausting the process.
/// </summary>
public sealed class ConnectionLimiter(IOptions<RealtimeOptions> options)
{
    /// <summary>Connections left for ordinary requests (sending, reading, the dashboard) when streams fill the process.</summary>
    public const int RequestHeadroom = 256;

    /// <summary>Where the open-files limit is unknown (not Linux).</summary>
    public const int DefaultLimit = 10_000;

    int open;

    public int Open => Volatile.Read(ref open);

    /// <summary>
    /// The configured cap, or the process's connection budget less headroom for ordinary requests, whichever is
    /// lower: a stream must be refused with a 503 long before the process runs out of descriptors.
    /// </summary>
    public int Limit { get; } = Derive(options.Value.MaxConnections, OpenFilesLimit.ConnectionBudget());

    public static int Derive(int? configured, int? budget)
    {
        var safe = budget is { } b ? Math.Max(1, b - RequestHeadroom) : DefaultLimit;
        return configured is { } c ? Math.Min(c, safe) : safe;
    }

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
