namespace Switchboard.Server.Jobs;

static partial class JobsLog
{
    [LoggerMessage(2001, LogLevel.Debug, "Job {JobId} ({Kind}) succeeded on attempt {Attempt}")]
    public static partial void Succeeded(ILogger logger, long jobId, string kind, int attempt);

    [LoggerMessage(2002, LogLevel.Warning, "Job {JobId} ({Kind}) failed on attempt {Attempt} with {ExceptionType}; next run in {DelayMs} ms")]
    public static partial void Failed(ILogger logger, long jobId, string kind, int attempt, string exceptionType, long delayMs);

    [LoggerMessage(2003, LogLevel.Error, "Job {JobId} ({Kind}) is dead after {Attempt} attempts; last error {ExceptionType}")]
    public static partial void Dead(ILogger logger, long jobId, string kind, int attempt, string exceptionType);

    [LoggerMessage(2004, LogLevel.Error, "Job worker loop failed with {ExceptionType}; retrying after {DelayMs} ms")]
    public static partial void LoopFailed(ILogger logger, string exceptionType, long delayMs, Exception exception);

    [LoggerMessage(2005, LogLevel.Information, "Job {JobId} ({Kind}) released unrun at shutdown")]
    public static partial void Released(ILogger logger, long jobId, string kind);

    [LoggerMessage(2006, LogLevel.Error, "Periodic scheduler failed with {ExceptionType}")]
    public static partial void SchedulerFailed(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(2007, LogLevel.Information, "Deleted {Count} succeeded jobs")]
    public static partial void Cleaned(ILogger logger, int count);

    [LoggerMessage(2008, LogLevel.Information, "Job worker {Worker} started with {Concurrency} lanes")]
    public static partial void WorkerStarted(ILogger logger, string worker, int concurrency);
}
