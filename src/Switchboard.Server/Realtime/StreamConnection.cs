using System.Threading.Channels;
using Switchboard.Server.Auth;

namespace Switchboard.Server.Realtime;

/// <summary>
/// One open stream: its viewer, its position in the log and its bounded outbound queue. Events come in from the
/// publishers while it is caught up and from the catch-up pump otherwise (StreamConnection.Live.cs), signals and
/// heartbeats from their publishers; exactly one writer (the transport) takes them out. Closing is one-way and
/// keeps the first reason.
/// </summary>
public sealed partial class StreamConnection : IFeedListener, IDisposable
{
    readonly Channel<OutboundFrame> queue;
    readonly CancellationTokenSource stopping = new();
    readonly CancellationTokenSource writing = new();
    readonly RealtimeOptions options;
    readonly RealtimeMetrics metrics;
    readonly TimeProvider clock;
    readonly CancellationTokenRegistration clientGone;
    readonly CancellationTokenRegistration shutdown;
    // The close timeout's timer, started by Close. A source made with the clock, to cancel writing after it, held a
    // timer for every open stream.
    ITimer? cutOff;
    string? closeReason;

    public StreamConnection(string transport, Caller caller, RealtimeOptions options, RealtimeMetrics metrics, TimeProvider clock,
        CancellationToken requestAborted, CancellationToken applicationStopping)
    {
        Transport = transport;
        Caller = caller;
        Audience = Audience.From(caller);
        this.options = options;
        this.metrics = metrics;
        this.clock = clock;
        queue = Channel.CreateBounded<OutboundFrame>(new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        // Callbacks run on the thread that cancels (the server's, on abort): they only schedule work, never run it inline.
        // Static callbacks with this connection as their state: no delegate of its own per connection.
        clientGone = requestAborted.Register(static c => ((StreamConnection)c!).ClientGone(), this);
        shutdown = applicationStopping.Register(static c => ((StreamConnection)c!).Close(DisconnectReasons.Shutdown), this);
    }

    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];
    public string Transport { get; }
    public Caller Caller { get; }
    public Audience Audience { get; private set; }

    /// <summary>Sets the conversations an operator's stream may carry (read once its start is known, before it follows the feed).</summary>
    public void Restrict(StreamScope scope) => Audience = Audience with { Scope = scope };
    /// <summary>
    /// The highest seq this viewer is past (queued, or skipped as invisible to them). Set once before the stream starts,
    /// then moved only by whoever delivers its events: the catch-up pump, or the publishers while it is live.
    /// </summary>
    public long Position { get; set; }
    public string? CloseReason => Volatile.Read(ref closeReason);
    public long? ResetCursor { get; private set; }
    /// <summary>Cancelled once the stream is closing: stops the catch-up pump.</summary>
    public CancellationToken Stopping => stopping.Token;
    /// <summary>Cancelled when the client is gone, or when a closing stream ran out of time to say goodbye.</summary>
    public CancellationToken Writing => writing.Token;
    public ChannelReader<OutboundFrame> Frames => queue.Reader;

    public bool Accepts(EphemeralSignal signal) =>
        CloseReason is null && Audience.CanSee(signal) && signal.OriginConnectionId != Id;

    public void Deliver(EphemeralSignal signal, string json)
    {
        // A signal is worth less than the events behind it: when the queue is full it is dropped, not waited for.
        if (!queue.Writer.TryWrite(OutboundFrame.Signal(signal.Type, json))) metrics.SignalDropped("queue_full");
    }

    /// <summary>Queues a frame if there is room; false means the queue is full (or the stream is closing).</summary>
    public bool TryEnqueue(OutboundFrame frame) => queue.Writer.TryWrite(frame);

    /// <summary>Queues a frame, waiting for room at most <see cref="RealtimeOptions.StallTimeout"/>; false when that ran out.</summary>
    public async ValueTask<bool> EnqueueAsync(OutboundFrame frame, CancellationToken cancellationToken)
    {
        if (queue.Writer.TryWrite(frame)) return true;
        using var stall = new CancellationTokenSource(options.StallTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stall.Token, cancellationToken);
        try
        {
            while (await queue.Writer.WaitToWriteAsync(linked.Token))
                if (queue.Writer.TryWrite(frame)) return true;
            return false;
        }
        catch (OperationCanceledException) when (stall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Starts closing: nothing more is queued, the writer skips what is left, sends its last word (reset or
    /// disconnect) and ends; if the client does not take even that within the close timeout, the writer is cut off.
    /// </summary>
    public void Close(string reason, long? resetCursor = null)
    {
        if (Interlocked.CompareExchange(ref closeReason, reason, null) is not null) return;
        ResetCursor = resetCursor;
        metrics.Disconnected(Transport, reason);
        queue.Writer.TryComplete();
        cutOff = clock.CreateTimer(static c => ((StreamConnection)c!).CutOff(), this, options.CloseTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            _ = stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // Disposed under a callback running on this thread (see Dispose): nothing left to stop.
        }
    }

    void CutOff()
    {
        try
        {
            writing.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile, or before Close started the timer (under a callback on the same thread, see Dispose).
        }
    }

    /// <summary>The client hung up: stop writing at once (even a stream already closing has nobody left to tell), and close.</summary>
    void ClientGone()
    {
        // Writing is cancelled before Close, while this connection is certainly not disposed: what Close sets off may
        // end the stream on this very thread and dispose it under this callback (see Dispose).
        _ = writing.CancelAsync();
        Close(DisconnectReasons.ClientClosed);
    }

    public void Dispose()
    {
        // Disposing a registration waits for its callback if that is running on another thread, so once both are
        // disposed no callback can reach the sources below, except one further up this thread's own stack, which it cannot
        // wait for: when hanging up ends the stream inline (TestServer aborts on the client's thread), the connection
        // is disposed inside its own RequestAborted callback. Close and ClientGone tolerate that.
        clientGone.Dispose();
        shutdown.Dispose();
        cutOff?.Dispose();
        stopping.Dispose();
        writing.Dispose();
    }
}
