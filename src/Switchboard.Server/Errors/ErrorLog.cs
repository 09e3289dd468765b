namespace Switchboard.Server.Errors;

static partial class ErrorLog
{
    [LoggerMessage(1101, LogLevel.Error, "Unhandled {ExceptionType} while serving a request")]
    public static partial void Unhandled(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(1102, LogLevel.Warning, "The database is unavailable ({ExceptionType}): answered 503")]
    public static partial void DatabaseUnavailable(ILogger logger, string exceptionType);
}
