namespace Switchboard.Server.Stats;

static partial class StatsLog
{
    [LoggerMessage(2301, LogLevel.Information, "Workspace {WorkspaceId}: closed {Day} with {Rows} rows")]
    public static partial void DayClosed(ILogger logger, long workspaceId, string day, int rows);
}
