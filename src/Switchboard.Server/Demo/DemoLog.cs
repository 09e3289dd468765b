namespace Switchboard.Server.Demo;

static partial class DemoLog
{
    [LoggerMessage(1201, LogLevel.Information, "Created the demo workspace {WorkspaceId}")]
    public static partial void Seeded(ILogger logger, long workspaceId);
}
