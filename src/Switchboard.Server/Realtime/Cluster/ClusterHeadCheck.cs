using Microsoft.Extensions.Options;

namespace Switchboard.Server.Realtime.Cluster;

/// <summary>
/// What makes cross-node delivery certain rather than fast: every <see cref="ClusterOptions.HeadCheckInterval"/> the
/// heads of the workspaces listened to on this node are read, and any that moved without a notification are caught up.
/// </summary>
public sealed class ClusterHeadCheck(ClusterMode mode, FeedCatchUp catchUp, IOptions<ClusterOptions> options, TimeProvider clock, ILogger<ClusterHeadCheck> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mode.IsOn) return;
        using var timer = new PeriodicTimer(options.Value.HeadCheckInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await catchUp.CheckHeadsAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    ClusterLog.HeadCheckFailed(logger, ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
