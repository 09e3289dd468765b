namespace Switchboard.Server.Realtime;

static partial class RealtimeLog
{
    [LoggerMessage(3001, LogLevel.Debug, "Stream {ConnectionId} opened ({Transport}, workspace {WorkspaceId}, from seq {Position})")]
    public static partial void Opened(ILogger logger, string connectionId, string transport, long workspaceId, long position);

    [LoggerMessage(3002, LogLevel.Debug, "Stream {ConnectionId} closed: {Reason}, at seq {Position}")]
    public static partial void Closed(ILogger logger, string connectionId, string reason, long position);

    [LoggerMessage(3003, LogLevel.Information, "Stream {ConnectionId} fell behind and was disconnected at seq {Position}")]
    public static partial void SlowConsumer(ILogger logger, string connectionId, long position);

    [LoggerMessage(3004, LogLevel.Information, "Stream {ConnectionId} asked for seq {Cursor} of workspace {WorkspaceId}, which is not retained: reset")]
    public static partial void Reset(ILogger logger, string connectionId, long cursor, long workspaceId);

    [LoggerMessage(3005, LogLevel.Warning, "Refused a {Transport} stream: {Open} connections open, the limit is {Limit}")]
    public static partial void Refused(ILogger logger, string transport, int open, int limit);

    [LoggerMessage(3008, LogLevel.Information, "Stream {ConnectionId} reached team change {Seq}, which may change what its operator sees: reset")]
    public static partial void ScopeChanged(ILogger logger, string connectionId, long seq);

    [LoggerMessage(3006, LogLevel.Error, "Stream {ConnectionId} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(3007, LogLevel.Debug, "Stream {ConnectionId} sent an unusable frame: {Code}")]
    public static partial void BadClientFrame(ILogger logger, string connectionId, string code);
}
