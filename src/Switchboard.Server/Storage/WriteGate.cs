using System.Collections.Concurrent;

namespace Switchboard.Server.Storage;

/// <summary>
/// In-process serialization of writers: one gate for the whole SQLite file, or one per workspace for
/// PostgreSQL (where the row lock serializes across nodes and this only keeps waiting writers from
/// holding pooled connections).
/// </summary>
sealed class WriteGate(bool perWorkspace)
{
    readonly ConcurrentDictionary<long, SemaphoreSlim> gates = new();

    public async Task<IDisposable> EnterAsync(long workspaceId, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd(perWorkspace ? workspaceId : 0, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        int released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) gate.Release();
        }
    }
}
