using System.Collections.Concurrent;

namespace Switchboard.Server.Jobs;

/// <summary>The cluster lock of a single node (SQLite): a non-blocking semaphore per name.</summary>
public sealed class LocalClusterLock : IClusterLock
{
    readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);

    public Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        var gate = locks.GetOrAdd(name, static _ => new SemaphoreSlim(1, 1));
        return Task.FromResult<IAsyncDisposable?>(gate.Wait(0) ? new Held(gate) : null);
    }

    sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        int released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
