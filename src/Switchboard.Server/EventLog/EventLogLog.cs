namespace Switchboard.Server.EventLog;

// Ids 3010-3019: compaction kept the ids it had when it lived in Realtime, so log queries keep working.
static partial class EventLogLog
{
    [LoggerMessage(3010, LogLevel.Information, "Compacted workspace {WorkspaceId}: events up to seq {MinSeq} removed ({Deleted} rows)")]
    public static partial void Compacted(ILogger logger, long workspaceId, long minSeq, int deleted);

    [LoggerMessage(3011, LogLevel.Error, "Event compaction failed; it runs again at the next interval")]
    public static partial void CompactionFailed(ILogger logger, Exception exception);
}
