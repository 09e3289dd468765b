using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;

namespace Switchboard.Server.Storage;

/// <summary>
/// Group commit for one lane of writers (the whole SQLite file, or one PostgreSQL workspace): whoever finds the lane
/// idle runs its first batch, taking every write that is waiting (at most <c>maxBatch</c>) into one transaction, one COMMIT for
/// all. Nothing waits for a batch to fill: under light load a write commits alone, exactly as before.
/// Each write runs inside its own savepoint, so one that fails rolls back alone and the others commit; callers learn
/// their outcome, and after-commit steps run in commit order, only once the COMMIT holding them has returned.
/// </summary>
sealed class WriteLane(Func<CancellationToken, Task<WriteConnectionLease>> leaseConnection, int maxBatch, StorageMetrics? metrics, ILogger logger)
{
    const string SavepointName = "write";

    enum Savepoint { None, AfterSuccess, AfterFailure }

    readonly ConcurrentQueue<PendingWrite> waiting = new();
    int running;

    public async Task<T> WriteAsync<T>(Func<WriteBatch, Task<T>> work, Action<T>? committed, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite<T>(work, committed, cancellationToken);
        waiting.Enqueue(write);
        if (Interlocked.CompareExchange(ref running, 1, 0) == 0)
        {
            // This caller found the lane idle: it commits the first batch itself (under light load, just its own write,
            // with no hop to another thread), then hands whatever queued meanwhile to the thread pool, so it gets its
            // own answer back without waiting for the queue to run dry.
            await CommitBatchAsync(TakeBatch());
            if (!waiting.IsEmpty) _ = Task.Run(DrainAsync);
            else Release();
        }
        return await write.Task;
    }

    async Task DrainAsync()
    {
        while (TakeBatch() is { Count: > 0 } batch) await CommitBatchAsync(batch);
        Release();
    }

    /// <summary>Marks the lane idle, unless a write slipped in after the last look at the queue: then drain that too.</summary>
    void Release()
    {
        Volatile.Write(ref running, 0);
        if (!waiting.IsEmpty && Interlocked.CompareExchange(ref running, 1, 0) == 0) _ = Task.Run(DrainAsync);
    }

    List<PendingWrite> TakeBatch()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < maxBatch && waiting.TryDequeue(out var write))
        {
            // A caller that gave up while queued never runs: nothing of it reaches the database.
            if (write.CancellationToken.IsCancellationRequested) write.Fail(new OperationCanceledException(write.CancellationToken));
            else batch.Add(write);
        }
        return batch;
    }

    /// <summary>
    /// Marks where the next write of a batch starts. After a write that succeeded, its savepoint is released and a new one
    /// set in one statement (one round trip on PostgreSQL instead of two); after one that was rolled back, the savepoint
    /// already marks the right place. COMMIT releases the last one. Releasing keeps PostgreSQL from stacking up to a batch's
    /// worth of open subtransactions (beyond 64 they overflow its per-backend cache and slow every other session's reads).
    /// </summary>
    static async Task MarkAsync(DbConnection connection, DbTransaction tx, Savepoint previous)
    {
        if (previous == Savepoint.AfterFailure) return;
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = previous == Savepoint.None
            ? $"SAVEPOINT {SavepointName}"
            : $"RELEASE SAVEPOINT {SavepointName}; SAVEPOINT {SavepointName}";
        await command.ExecuteNonQueryAsync();
    }

    async Task CommitBatchAsync(List<PendingWrite> batch)
    {
        if (batch.Count == 0) return;
        var succeeded = new List<PendingWrite>(batch.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var lease = await leaseConnection(CancellationToken.None);
            // SQLite: BEGIN IMMEDIATE takes the write lock up front. PostgreSQL: a workspace writer's row lock does.
            await using var tx = await lease.Connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, CancellationToken.None);
            // A lone write needs no savepoint: if it fails, the whole transaction is its own to roll back.
            var isolate = batch.Count > 1;
            var savepoint = Savepoint.None;
            var shared = new WriteBatch(lease.Connection, tx);
            foreach (var write in batch)
            {
                if (isolate) await MarkAsync(lease.Connection, tx, savepoint);
                try
                {
                    await write.RunAsync(shared);
                    savepoint = Savepoint.AfterSuccess;
                }
                catch (Exception error)
                {
                    shared.WriteFailed();
                    // ROLLBACK TO keeps the savepoint: it now marks the state before this write, which is where the next one starts.
                    if (isolate) await tx.RollbackAsync(SavepointName);
                    savepoint = Savepoint.AfterFailure;
                    write.Fail(error);
                    continue;
                }
                shared.WriteSucceeded();
                succeeded.Add(write);
            }
            if (succeeded.Count == 0)
            {
                await tx.RollbackAsync();
                return;
            }
            // A failure here fails the whole batch below: none of its writes committed.
            await shared.RunBeforeCommitAsync();
            await tx.CommitAsync();
            metrics?.Committed(succeeded.Count, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception error)
        {
            // The transaction itself failed (connection lost, COMMIT refused): none of the writes that ran committed.
            // Writes that already failed alone keep their own error (settling a task twice is a no-op).
            foreach (var write in batch) write.Fail(error);
            return;
        }
        foreach (var write in succeeded)
        {
            try
            {
                write.Commit();
            }
            catch (Exception error)
            {
                // The write is committed and its caller was answered so; only an after-commit step (a publish, a wake-up)
                // failed, and the next reader of the log still sees the events.
                StorageLog.AfterCommitFailed(logger, error);
            }
        }
    }
}
