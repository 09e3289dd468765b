namespace Switchboard.Server.Realtime;

/// <summary>
/// Catches one connection up along the log: reads what follows its position (ring or log), keeps what its viewer
/// may see, and queues it, until it finds nothing more; then it hands the connection to the publishers and ends
/// (see <see cref="StreamConnection.TryGoLive"/>). The connection starts it again whenever live delivery cannot
/// continue in order.
/// </summary>
public sealed class EventPump(EventReader reader, ILogger<EventPump> logger)
{
    public async Task RunAsync(StreamConnection connection, WorkspaceFeed feed)
    {
        var cancellationToken = connection.Stopping;
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
                    if (connection.TryGoLive()) return;
                    continue;
                }
                foreach (var e in batch.Events)
                    if (!await connection.QueueAsync(e, cancellationToken)) return;
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
