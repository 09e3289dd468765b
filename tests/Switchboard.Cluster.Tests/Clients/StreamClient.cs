using System.Net.WebSockets;
using Switchboard.Client.Streaming;

namespace Switchboard.Cluster.Tests.Clients;

/// <summary>
/// A client's live stream through the balancer: applies durable events after its cursor, and when the connection
/// ends (its node died, or told it to reconnect) connects again from its cursor, landing on whichever node the
/// balancer picks. Records what it applied, so the test can compare it with the log, and every breach of order.
/// </summary>
sealed class StreamClient(string name, IEventStreamTransport transport, NodeTracker tracker)
{
    static readonly int[] ReconnectDelaysMs = [0, 100, 250, 500, 1000];

    readonly List<long> applied = [];
    readonly List<string> violations = [];
    readonly Lock gate = new();
    TaskCompletionSource progressed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    long cursor;

    public string Name { get; } = name;
    public int Connections { get; private set; }
    /// <summary>The node the current connection landed on (the balancer's <c>X-Switchboard-Node</c>).</summary>
    public string? Node => tracker.Node;
    /// <summary>Completes once the first connection is open.</summary>
    public Task FirstConnection => tracker.Connected;

    public IReadOnlyList<long> Applied { get { lock (gate) return [.. applied]; } }
    public IReadOnlyList<string> Violations { get { lock (gate) return [.. violations]; } }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                Connections++;
                await foreach (var item in transport.ReadAsync(Cursor, cancellationToken))
                {
                    failures = 0;
                    Apply(item);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
            {
                // The node went away (or the balancer had no node for a moment): reconnect from the cursor.
            }
            var delay = ReconnectDelaysMs[Math.Min(failures++, ReconnectDelaysMs.Length - 1)];
            try
            {
                await Task.Delay(delay + Random.Shared.Next(0, 50), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    long Cursor { get { lock (gate) return cursor; } }

    void Apply(StreamItem item)
    {
        lock (gate)
        {
            switch (item)
            {
                case EventItem { Event: var e }:
                    if (e.Seq <= cursor) violations.Add($"{Name}: seq {e.Seq} at cursor {cursor} (duplicate or out of order)");
                    else
                    {
                        applied.Add(e.Seq);
                        cursor = e.Seq;
                    }
                    break;
                case CursorItem { Cursor: var c }:
                    if (c < cursor) violations.Add($"{Name}: the cursor went back from {cursor} to {c}");
                    else cursor = c;
                    break;
                case ResetItem:
                    violations.Add($"{Name}: reset at cursor {cursor}");
                    break;
                default:
                    return;
            }
            progressed.TrySetResult();
            progressed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Waits (bounded) until the cursor reaches <paramref name="seq"/>.</summary>
    public async Task WaitForAsync(long seq, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (cursor >= seq) return;
                next = progressed.Task;
            }
            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Name}: at seq {Cursor} after {timeout.TotalSeconds} s, waiting for {seq} ({Connections} connections)");
            }
        }
    }
}
