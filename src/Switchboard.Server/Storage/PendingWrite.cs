using System.Data.Common;

namespace Switchboard.Server.Storage;

/// <summary>
/// One caller's write waiting in a <see cref="WriteLane"/>: its work, what to run once its batch has committed, and the
/// task the caller awaits. The lane runs the work inside a shared transaction and settles the task only after the
/// commit (or the rollback) that decides it.
/// </summary>
abstract class PendingWrite(CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Runs the caller's work in the batch's transaction and keeps its result until the commit.</summary>
    public abstract Task RunAsync(WriteBatch batch);

    /// <summary>The batch holding this write committed: runs the after-commit step, then answers the caller.</summary>
    public abstract void Commit();

    /// <summary>The write did not commit: the caller gets <paramref name="error"/>.</summary>
    public abstract void Fail(Exception error);
}

sealed class PendingWrite<T>(Func<WriteBatch, Task<T>> work, Action<T>? committed, CancellationToken cancellationToken)
    : PendingWrite(cancellationToken)
{
    // Callers resume on the thread pool, never inline on the lane that is about to run the next batch.
    readonly TaskCompletionSource<T> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    T? result;

    public Task<T> Task => outcome.Task;

    public override async Task RunAsync(WriteBatch batch) => result = await work(batch);

    public override void Commit()
    {
        try
        {
            committed?.Invoke(result!);
        }
        finally
        {
            // The write is durable whatever the after-commit step did: its caller always learns it committed.
            outcome.TrySetResult(result!);
        }
    }

    public override void Fail(Exception error)
    {
        if (error is OperationCanceledException canceled) outcome.TrySetCanceled(canceled.CancellationToken);
        else outcome.TrySetException(error);
    }
}
