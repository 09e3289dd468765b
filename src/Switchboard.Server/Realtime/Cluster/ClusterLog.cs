namespace Switchboard.Server.Realtime.Cluster;

static partial class ClusterLog
{
    [LoggerMessage(3201, LogLevel.Information, "Listening for the other nodes' commits (node {NodeId})")]
    public static partial void Listening(ILogger logger, string nodeId);

    [LoggerMessage(3202, LogLevel.Warning, "The listening connection failed ({ExceptionType}); reconnecting in {DelayMs} ms")]
    public static partial void ListenFailed(ILogger logger, string exceptionType, int delayMs);

    [LoggerMessage(3203, LogLevel.Warning, "Notifying the other nodes failed ({ExceptionType}); their head check will find the events")]
    public static partial void NotifyFailed(ILogger logger, string exceptionType);

    [LoggerMessage(3204, LogLevel.Warning, "Reading workspace {WorkspaceId}'s new events from the log failed ({ExceptionType}); the next head check retries")]
    public static partial void CatchUpFailed(ILogger logger, long workspaceId, string exceptionType);

    [LoggerMessage(3205, LogLevel.Warning, "Checking the log heads failed ({ExceptionType}); retrying at the next interval")]
    public static partial void HeadCheckFailed(ILogger logger, string exceptionType);

    [LoggerMessage(3206, LogLevel.Debug, "Dropped a {Type} signal for the other nodes: {Reason}")]
    public static partial void SignalDropped(ILogger logger, string type, string reason);

    [LoggerMessage(3207, LogLevel.Debug, "Ignored a notification that does not parse on channel {Channel}")]
    public static partial void BadNotification(ILogger logger, string channel);
}
