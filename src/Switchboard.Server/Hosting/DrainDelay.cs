using Microsoft.Extensions.Options;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Holds a stopping node open for <see cref="DrainOptions.Delay"/>. The host signals <c>ApplicationStopping</c> first
/// (readiness turns 503, streams are told to reconnect elsewhere), then runs every <see cref="IHostedLifecycleService.StoppingAsync"/>,
/// and only then stops the server: waiting here keeps the port open while the balancer notices.
/// </summary>
public sealed class DrainDelay(IOptions<DrainOptions> options, ILogger<DrainDelay> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var delay = options.Value.Delay;
        if (delay <= TimeSpan.Zero) return;
        HostingLog.Draining(logger, delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout ran out: stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
