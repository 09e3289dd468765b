namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// What a fake server received, in arrival order, with a bounded wait for the nth item. Request threads add while the
/// test reads and waits.
/// </summary>
public sealed class RequestLog<T>(TimeSpan timeout)
{
    readonly Lock gate = new();
    readonly List<T> items = [];
    TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<T> Items
    {
        get { lock (gate) return items.ToList(); }
    }

    public void Add(T item)
    {
        lock (gate)
        {
            items.Add(item);
            arrived.TrySetResult();
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Waits until <paramref name="count"/> items have arrived (at most the log's timeout) and returns the <paramref name="count"/>th.</summary>
    public async Task<T> WaitForAsync(int count)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (items.Count >= count) return items[count - 1];
                next = arrived.Task;
            }
            await next.WaitAsync(cts.Token);
        }
    }
}
