namespace Switchboard.Server.Errors;

static partial class ErrorLog
{
    [LoggerMessage(1101, LogLevel.Error, "Unhandled {ExceptionType} while serving a request")]
    public static partial void Unhandled(ILogger logger, string exceptionType, Exception exception);
}
