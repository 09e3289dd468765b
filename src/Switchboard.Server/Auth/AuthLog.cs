namespace Switchboard.Server.Auth;

static partial class AuthLog
{
    [LoggerMessage(3101, LogLevel.Warning, "Re-checking the credentials of open streams failed ({ExceptionType}); retrying at the next interval")]
    public static partial void RecheckFailed(ILogger logger, string exceptionType);

    [LoggerMessage(3102, LogLevel.Information, "Ended {Count} open streams whose credential was revoked")]
    public static partial void StreamsRevoked(ILogger logger, int count);

    [LoggerMessage(3103, LogLevel.Warning, "Ending a revoked stream failed ({ExceptionType}); the others are ended, and so is the change that revoked it")]
    public static partial void RevokeFailed(ILogger logger, string exceptionType);
}
