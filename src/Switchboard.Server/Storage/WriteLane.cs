using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;

namespace Switchboard.Server.Storage;

/// <summary>
/// Group commit for one lane of writers (the whole SQLite file, or one PostgreSQL workspace): whoever finds the lane
/// idle runs it, taking every write that is waiting (at most <c>maxBatch</c>) into one transaction, one COMMIT for
/// all. Nothing waits for a batch to fill: under light load a write commits alone, exactly as before.
/// Each write runs inside its own savepoint, so one that fails rolls back alone and the others commit; callers learn
/// their outcome, and after-commit steps run in commit order, only once the COMMIT holding them has returned.
/// </summary>
sealed class WriteLane(Func<CancellationToken, Task<WriteConnectionLease>> leaseConnection, int maxBatch, ILogger logger)
{
    const string Savepoint = "write";

    readonly ConcurrentQueue<PendingWrite> waiting = new();
    int running;

    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, Action<T>? committed, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite<T>(work, committed, cancellationToken);
        waiting.Enqueue(write);
        // The lane runs on the thread pool, not on this caller: SQLite's calls complete synchronously, and a caller
        // that ran the lane itself would not get its own answer back until the queue ran dry.
        if (Interlocked.CompareExchange(ref running, 1, 0) == 0) _ = Task.Run(DrainAsync);
        return write.Task;
    }

    async Task DrainAsync()
    {
        while (true)
        {
            while (TakeBatch() is { Count: > 0 } batch) await CommitBatchAsync(batch);
            Volatile.Write(ref running, 0);
            // A write enqueued after the last TakeBatch but before running went back to 0 found the lane busy: take it.
            if (waiting.IsEmpty || Interlocked.CompareExchange(ref running, 1, 0) != 0) return;
        }
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

    async Task CommitBatchAsync(List<PendingWrite> batch)
    {
        var succeeded = new List<PendingWrite>(batch.Count);
        try
        {
            await using var lease = await leaseConnection(CancellationToken.None);
            // SQLite: BEGIN IMMEDIATE takes the write lock up front. PostgreSQL: a workspace writer's row lock does.
            await using var tx = await lease.Connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, CancellationToken.None);
            // A lone write needs no savepoint: if it fails, the whole transaction is its own to roll back.
            var isolate = batch.Count > 1;
            foreach (var write in batch)
            {
                if (isolate) await tx.SaveAsync(Savepoint);
                try
                {
                    await write.RunAsync(lease.Connection, tx);
                }
                catch (Exception error)
                {
                    if (isolate) await tx.RollbackAsync(Savepoint);
                    write.Fail(error);
                    continue;
                }
                if (isolate) await tx.ReleaseAsync(Savepoint);
                succeeded.Add(write);
            }
            if (succeeded.Count == 0)
            {
                await tx.RollbackAsync();
                return;
            }
            await tx.CommitAsync();
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
