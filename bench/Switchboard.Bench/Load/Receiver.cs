using Switchboard.Client.Streaming;

namespace Switchboard.Bench.Load;

/// <summary>
/// One stream connection (a dashboard or a visitor) recording each durable frame's seq and arrival time. Like the
/// SDK's LiveStore it resumes from its last seq when the connection ends, so a cut stream is counted
/// (<see cref="Reconnects"/>) but not mistaken for loss; a seq seen twice or going backwards is.
/// </summary>
public sealed class Receiver(string name, IFrameStreamTransport transport, long cursor)
{
    readonly object gate = new();
    readonly TaskCompletionSource connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    TaskCompletionSource? reached;
    long waitFor = long.MaxValue;
    long lastSeq = cursor;
    long[] seqs = new long[64];
    long[] ticks = new long[64];
    int count;

    public string Name => name;
    public Task Connected => connected.Task;
    public int Duplicates { get; private set; }
    public int OutOfOrder { get; private set; }
    public int Reconnects { get; private set; }
    public int Count => Volatile.Read(ref count);
    public Exception? Failure { get; private set; }

    /// <summary>Called by the transport's connect hook once the server accepted the stream.</summary>
    public void MarkConnected() => connected.TrySetResult();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var frame in transport.ReadFramesAsync(lastSeq, cancellationToken))
                    if (FrameHeader.Read(frame.Span).Seq is { } seq) Record(seq, Clock.Now);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A stream that never opened is a failed connection, not a reconnect: the scenario reports it.
                if (!connected.Task.IsCompleted) { Failure = e; connected.TrySetException(e); return; }
            }
            if (cancellationToken.IsCancellationRequested) return;
            Reconnects++;
        }
    }

    void Record(long seq, long now)
    {
        lock (gate)
        {
            if (seq <= lastSeq)
            {
                if (Array.IndexOf(seqs, seq, 0, count) >= 0) Duplicates++; else OutOfOrder++;
                return;
            }
            if (count == seqs.Length)
            {
                Array.Resize(ref seqs, count * 2);
                Array.Resize(ref ticks, count * 2);
            }
            seqs[count] = seq;
            ticks[count] = now;
            Volatile.Write(ref count, count + 1);
            lastSeq = seq;
            if (seq >= waitFor) reached?.TrySetResult();
        }
    }

    /// <summary>Completes when a frame at or after <paramref name="seq"/> arrived (streams are ordered, so everything before it has too).</summary>
    public Task WaitForAsync(long seq)
    {
        lock (gate)
        {
            if (lastSeq >= seq) return Task.CompletedTask;
            waitFor = seq;
            reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return reached.Task;
        }
    }

    /// <summary>The arrival time of each seq received (call after the run).</summary>
    public Dictionary<long, long> Arrivals()
    {
        lock (gate)
        {
            var map = new Dictionary<long, long>(count);
            for (var i = 0; i < count; i++) map[seqs[i]] = ticks[i];
            return map;
        }
    }
}
