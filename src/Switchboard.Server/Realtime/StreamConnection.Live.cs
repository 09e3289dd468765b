using Switchboard.Server.EventLog;

namespace Switchboard.Server.Realtime;

/// <summary>
/// How events reach the queue. A connection behind the head is caught up by a pump task that reads the ring or the
/// log (<see cref="EventPump"/>); once the pump finds nothing more it hands the connection over and ends, and from
/// then on each publish queues the new events straight from the publishing thread: one writer wake-up per
/// connection and publish, no task of its own while idle. Whatever the publishers cannot deliver in order (a gap,
/// a head that moved without its events) starts the pump again from <see cref="Position"/>.
/// </summary>
public sealed partial class StreamConnection
{
    // Guards the hand-over between the pump and the publishers; while live, also Position and what is queued.
    readonly Lock delivery = new();
    WorkspaceFeed? feed;
    EventPump? pump;
    ILogger? logger;
    Task catchUp = Task.CompletedTask;
    // The publishers queue events (only while no pump runs).
    bool live;
    // Something was published while the pump was reading: it must look again before handing over.
    bool missed;
    // Set on the first hand-over: from then on a full queue means falling behind live traffic, never waiting for room.
    bool reachedHead;
    long announced;

    /// <summary>Starts delivering the feed's events after <see cref="Position"/>: catch-up first, then live.</summary>
    public void Follow(WorkspaceFeed feed, EventPump pump, ILogger logger)
    {
        lock (delivery)
        {
            (this.feed, this.pump, this.logger) = (feed, pump, logger);
            announced = Position;
            StartCatchUp();
        }
    }

    /// <summary>The last catch-up started; once the stream is closed no other starts.</summary>
    public Task CatchUp
    {
        get { lock (delivery) return catchUp; }
    }

    /// <summary>The head moved without its events in the ring (another node, or compaction): only the log can tell.</summary>
    public void EventsAvailable()
    {
        lock (delivery)
        {
            if (live) StartCatchUp();
            else missed = true;
        }
    }

    /// <summary>
    /// Runs on the publishing thread (the write lane's, right after its commit): whatever fails here ends this stream
    /// alone (the client resumes from its cursor), never the publish to the other listeners or the writer's after-commit steps.
    /// </summary>
    public void Published(IReadOnlyList<StoredEvent> events)
    {
        try
        {
            Deliver(events);
        }
        catch (Exception error)
        {
            if (logger is not null) RealtimeLog.Failed(logger, error, Id);
            Close(DisconnectReasons.Error);
        }
    }

    void Deliver(IReadOnlyList<StoredEvent> events)
    {
        lock (delivery)
        {
            if (!live)
            {
                missed = true;
                return;
            }
            var taken = 0;
            foreach (var e in events)
            {
                if (e.Seq <= Position) continue;
                // An earlier commit not published yet (or published elsewhere): the pump reads it from the ring or the log.
                if (e.Seq != Position + 1)
                {
                    StartCatchUp();
                    break;
                }
                if (!TryQueue(e)) break;
                taken++;
            }
            // Served from memory as a read of the ring would have been, so the metric's database share keeps its meaning.
            if (taken > 0) metrics.Read(RealtimeMetrics.RingSource, taken);
            if (live) Announce();
        }
    }

    /// <summary>
    /// Called by the pump when it found nothing after <see cref="Position"/>: hands the connection to the publishers,
    /// unless something was published meanwhile (false: read again).
    /// </summary>
    public bool TryGoLive()
    {
        lock (delivery)
        {
            if (missed)
            {
                missed = false;
                return false;
            }
            Announce();
            live = reachedHead = true;
            return true;
        }
    }

    /// <summary>
    /// The pump's way in: before the head is first reached it waits for room (the client sets the pace of a
    /// catch-up); afterwards a full queue cuts the client off as on the live path. False once the stream is closing.
    /// </summary>
    public async ValueTask<bool> QueueAsync(StoredEvent e, CancellationToken cancellationToken)
    {
        if (reachedHead) return TryQueue(e);
        if (Audience.ScopeChangedBy(e)) return ScopeChanged(e);
        if (Audience.PayloadFor(e) is { } json)
        {
            // A catch-up after a resume does not measure delivery lag: it would report the client's absence.
            if (!await EnqueueAsync(OutboundFrame.Event(e.Seq, e.Type, json), cancellationToken)) return FellBehind();
            announced = e.Seq;
        }
        Position = e.Seq;
        return true;
    }

    bool TryQueue(StoredEvent e)
    {
        if (Audience.ScopeChangedBy(e)) return ScopeChanged(e);
        // Invisible events still move the position, so a visitor never re-reads what it skipped.
        if (Audience.PayloadFor(e) is { } json)
        {
            if (!queue.Writer.TryWrite(OutboundFrame.Event(e.Seq, e.Type, json, e.CreatedAtMs))) return FellBehind();
            announced = e.Seq;
        }
        Position = e.Seq;
        return true;
    }

    /// <summary>Past events this viewer may not see: say so, so its cursor (and a resume) skips them too.</summary>
    void Announce()
    {
        if (Position > announced && queue.Writer.TryWrite(OutboundFrame.Cursor(Position))) announced = Position;
    }

    /// <summary>
    /// A team change may have moved what this operator sees: the stream ends with a <c>reset</c> at that event, so the
    /// client reloads its snapshot (of the new scope) and reconnects from the snapshot's cursor with a fresh scope.
    /// </summary>
    bool ScopeChanged(StoredEvent e)
    {
        if (CloseReason is null && logger is not null) RealtimeLog.ScopeChanged(logger, Id, e.Seq);
        Close(DisconnectReasons.ScopeChanged, e.Seq);
        return false;
    }

    bool FellBehind()
    {
        if (CloseReason is null && logger is not null) RealtimeLog.SlowConsumer(logger, Id, Position);
        Close(DisconnectReasons.SlowConsumer);
        return false;
    }

    void StartCatchUp()
    {
        live = false;
        // Not inline: the publisher's thread (and this lock) must not run a read of the log.
        if (CloseReason is null && pump is not null && feed is not null) catchUp = Task.Run(() => pump.RunAsync(this, feed));
    }
}
