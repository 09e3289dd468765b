namespace Switchboard.Server.Realtime;

/// <summary>
/// Moves one connection along the log: reads what follows its position (ring or log), keeps what its viewer
/// may see, and queues it. While catching up it waits for room in the queue (the client sets the pace);
/// once it has reached the head, a full queue means the client is falling behind live traffic, and it is
/// disconnected to resume from its cursor instead of being buffered without limit.
/// </summary>
public sealed class EventPump(EventReader reader, ILogger<EventPump> logger)
{
    public async Task RunAsync(StreamConnection connection, WorkspaceFeed feed)
    {
        var cancellationToken = connection.Stopping;
        var live = false;
        var announced = connection.Position;
        try
        {
            while (true)
            {
                var batch = await reader.NextAsync(feed, connection.Position, cancellationToken);
                if (batch.IsReset)
                {
                    RealtimeLog.Reset(logger, connection.Id, connection.Position, feed.WorkspaceId);
                    connection.Close(DisconnectReasons.Reset, batch.ResetCursor);
                    return;
                }
                if (batch.Events.Count == 0)
                {
                    // Caught up past events this viewer may not see: say so, so its cursor (and a resume) skips them too.
                    if (connection.Position > announced && connection.TryEnqueue(OutboundFrame.Cursor(connection.Position)))
                        announced = connection.Position;
                    live = true;
                    await connection.WaitForEventsAsync(cancellationToken);
                    continue;
                }
                foreach (var e in batch.Events)
                {
                    // Invisible events still move the position, so a visitor never re-reads what it skipped.
                    if (connection.Audience.PayloadFor(e) is { } json)
                    {
                        // Only live events measure delivery lag: a catch-up after a resume would report the client's absence.
                        var frame = OutboundFrame.Event(e.Seq, e.Type, json, live ? e.CreatedAtMs : 0);
                        var queued = live ? connection.TryEnqueue(frame) : await connection.EnqueueAsync(frame, cancellationToken);
                        if (!queued)
                        {
                            if (connection.CloseReason is null) RealtimeLog.SlowConsumer(logger, connection.Id, connection.Position);
                            connection.Close(DisconnectReasons.SlowConsumer);
                            return;
                        }
                        announced = e.Seq;
                    }
                    connection.Position = e.Seq;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The stream is closing.
        }
        catch (Exception ex)
        {
            RealtimeLog.Failed(logger, ex, connection.Id);
            connection.Close(DisconnectReasons.Error);
        }
    }
}
