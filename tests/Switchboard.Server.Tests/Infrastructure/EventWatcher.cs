using System.Text.Json;
using Switchboard.Server.EventLog;
using Switchboard.Server.Realtime;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// Collects a workspace's committed events from the in-process bus, so a test can wait for the event it expects
/// (bounded) instead of sleeping. Start watching before the action that should cause the event.
/// </summary>
public sealed class EventWatcher : IDisposable, IFeedListener
{
    readonly Lock gate = new();
    readonly List<LoggedEvent> events = [];
    readonly FeedSubscription subscription;
    readonly List<EphemeralSignal> signals = [];
    TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    long position;

    public EventWatcher(TestApp app, long workspaceId)
    {
        subscription = app.Service<IEventBus>().Subscribe(workspaceId, this);
        // Only what is published from now on, as before: the feed's head marks where watching starts.
        lock (gate) position = subscription.Feed.Head;
    }

    /// <summary>
    /// Pulls the newly committed events from the feed's ring in seq order; a seq published out of order
    /// stops the scan until it arrives, so events are seen in commit order, each once.
    /// </summary>
    void IFeedListener.EventsAvailable()
    {
        lock (gate)
        {
            var found = false;
            while (subscription.Feed.TryGet(position + 1, out var e))
            {
                events.Add(Parse(e));
                position = e.Seq;
                found = true;
            }
            if (found) Signal();
        }
    }

    bool IFeedListener.Accepts(EphemeralSignal signal) => true;

    void IFeedListener.Deliver(EphemeralSignal signal, string json)
    {
        lock (gate)
        {
            signals.Add(signal);
            Signal();
        }
    }

    void Signal()
    {
        arrived.TrySetResult();
        arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Waits until an event matching <paramref name="match"/> was committed (or fails after <paramref name="timeout"/>, default 10 s).</summary>
    public async Task<LoggedEvent> WaitAsync(Func<LoggedEvent, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (events.FirstOrDefault(match) is { } found) return found;
                next = arrived.Task;
            }
            try
            {
                await next.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                lock (gate) Assert.Fail($"No matching event within the timeout; saw: {string.Join(", ", events.Select(e => $"{e.Seq}:{e.Type}:{e.Change}"))}");
            }
        }
    }

    public IReadOnlyList<LoggedEvent> Seen
    {
        get { lock (gate) return events.ToList(); }
    }

    /// <summary>The ephemeral signals of the workspace seen since watching started (live only, never stored).</summary>
    public IReadOnlyList<EphemeralSignal> Signals
    {
        get { lock (gate) return signals.ToList(); }
    }

    /// <summary>Waits until an ephemeral signal matching <paramref name="match"/> was published (bounded, default 30 s).</summary>
    public async Task<EphemeralSignal> WaitSignalAsync(Func<EphemeralSignal, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (signals.FirstOrDefault(match) is { } found) return found;
                next = arrived.Task;
            }
            try
            {
                await next.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                lock (gate) Assert.Fail($"No matching signal within the timeout; saw: {string.Join(", ", signals.Select(s => s.Type))}");
            }
        }
    }

    static LoggedEvent Parse(StoredEvent e) => new(e.Seq, e.Type, e.ConversationId, JsonDocument.Parse(e.Payload).RootElement.Clone());

    public void Dispose() => subscription.Dispose();
}
