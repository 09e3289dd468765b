using System.Text.Json;
using Switchboard.Server.EventLog;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Realtime;

/// <summary>
/// One workspace's live state on this node: a ring of recent events, the highest seq known to be committed
/// (<see cref="Head"/>) and the listeners to tell. Publishing hands each listener the new events without blocking:
/// a caught-up stream queues them for its writer there and then, any other listener pulls them itself, so a slow
/// listener never slows the committing writer.
/// </summary>
public sealed class WorkspaceFeed(long workspaceId, int ringCapacity)
{
    readonly Lock gate = new();
    readonly EventRing ring = new(ringCapacity);
    IFeedListener[] listeners = [];
    long head;

    public long WorkspaceId { get; } = workspaceId;

    /// <summary>The highest seq known to be committed. Events up to it are in the ring or, failing that, in the log.</summary>
    public long Head => Volatile.Read(ref head);

    public int ListenerCount => Volatile.Read(ref listeners).Length;

    public bool TryGet(long seq, out StoredEvent e) => ring.TryGet(seq, out e);

    /// <summary>
    /// Events committed on this node, or read from the log after another node committed them: into the ring first,
    /// then the head moves, then listeners are told. Listeners track seqs, so a seq put twice is still delivered once.
    /// </summary>
    public void Append(IReadOnlyList<StoredEvent> events)
    {
        lock (gate)
        {
            foreach (var e in events) ring.Put(e);
            RaiseHead(events.Max(e => e.Seq));
        }
        foreach (var listener in Volatile.Read(ref listeners)) listener.Published(events);
    }

    /// <summary>
    /// Events committed elsewhere (another node, or before this feed existed) up to <paramref name="seq"/>:
    /// readers that miss the ring below the head read the log instead.
    /// </summary>
    public void Advance(long seq)
    {
        lock (gate) RaiseHead(seq);
        Wake();
    }

    /// <summary>
    /// The log's head as a stream that opens reads it. If this node had not heard of it yet (another node committed and
    /// the notification is still on its way), the live streams are told now: the notification, finding the head already
    /// there, would tell nobody, and they would wait for the next commit.
    /// </summary>
    public void LearnHead(long seq)
    {
        bool raised;
        lock (gate) raised = RaiseHead(seq);
        if (raised) Wake();
    }

    public void Broadcast(EphemeralSignal signal)
    {
        string? json = null;
        foreach (var listener in Volatile.Read(ref listeners))
        {
            if (!listener.Accepts(signal)) continue;
            // Serialized once, and only when someone receives it.
            json ??= JsonSerializer.Serialize(new SignalFrame(signal.Type, signal.ConversationId, signal.Actor, signal.Data), JsonDefaults.Options);
            listener.Deliver(signal, json);
        }
    }

    internal void Add(IFeedListener listener)
    {
        lock (gate) listeners = [.. listeners, listener];
    }

    internal void Remove(IFeedListener listener)
    {
        lock (gate) listeners = [.. listeners.Where(l => !ReferenceEquals(l, listener))];
    }

    bool RaiseHead(long seq)
    {
        if (seq <= head) return false;
        Volatile.Write(ref head, seq);
        return true;
    }

    void Wake()
    {
        foreach (var listener in Volatile.Read(ref listeners)) listener.EventsAvailable();
    }
}
