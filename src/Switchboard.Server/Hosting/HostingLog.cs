namespace Switchboard.Server.Hosting;

static partial class HostingLog
{
    [LoggerMessage(1301, LogLevel.Information, "Stopping: /readyz answers 503; connections are still accepted for {Seconds} s so the balancer can take this node out")]
    public static partial void Draining(ILogger logger, double seconds);
}
