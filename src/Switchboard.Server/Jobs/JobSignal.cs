namespace Switchboard.Server.Jobs;

/// <summary>
/// Wakes the workers of this node when a job was committed here, so they neither poll busily nor wait for
/// their timer. Every waiter of the current generation wakes; a signal before anyone waits is not lost,
/// because workers look at the table before they wait.
/// </summary>
public sealed class JobSignal
{
    TaskCompletionSource current = NewSource();

    public Task WaitAsync() => Volatile.Read(ref current).Task;

    public void Notify() => Interlocked.Exchange(ref current, NewSource()).TrySetResult();

    static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
