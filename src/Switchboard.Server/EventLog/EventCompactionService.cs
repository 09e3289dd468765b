using Microsoft.Extensions.Options;

namespace Switchboard.Server.EventLog;

/// <summary>Runs <see cref="EventCompactor"/> every <see cref="EventRetentionOptions.Interval"/> (first run after one interval).</summary>
public sealed class EventCompactionService(EventCompactor compactor, IOptions<EventRetentionOptions> options, TimeProvider clock, ILogger<EventCompactionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await compactor.CompactAllAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    EventLogLog.CompactionFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
