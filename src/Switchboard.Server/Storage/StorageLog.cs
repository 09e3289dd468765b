namespace Switchboard.Server.Storage;

static partial class StorageLog
{
    [LoggerMessage(1001, LogLevel.Information, "Applied schema migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(1002, LogLevel.Information, "Database ready: {Provider}, schema version {Version}")]
    public static partial void Ready(ILogger logger, DatabaseProvider provider, int version);

    [LoggerMessage(1003, LogLevel.Error, "A write committed, but a step after its commit failed")]
    public static partial void AfterCommitFailed(ILogger logger, Exception exception);
}
