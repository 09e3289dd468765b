namespace Switchboard.Server.Presence;

static partial class PresenceLog
{
    [LoggerMessage(2201, LogLevel.Debug, "Workspace {WorkspaceId}: member {MemberId} came online")]
    public static partial void CameOnline(ILogger logger, long workspaceId, long memberId);

    [LoggerMessage(2202, LogLevel.Information, "Workspace {WorkspaceId}: member {MemberId} went idle; {Count} conversations back to the queue")]
    public static partial void IdleReleased(ILogger logger, long workspaceId, long memberId, int count);

    [LoggerMessage(2203, LogLevel.Warning, "Recording activity of member {MemberId} failed with {ExceptionType}")]
    public static partial void TouchFailed(ILogger logger, long memberId, string exceptionType, Exception exception);
}
