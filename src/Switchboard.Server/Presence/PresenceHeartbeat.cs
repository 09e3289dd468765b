using Microsoft.Extensions.Options;

namespace Switchboard.Server.Presence;

/// <summary>Keeps members with an open stream connection on this node active: a dashboard left open is not idle.</summary>
public sealed class PresenceHeartbeat(PresenceTracker tracker, IOptions<PresenceOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ConnectionHeartbeat, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                foreach (var (workspaceId, memberId) in tracker.Connected())
                    await tracker.TouchAsync(workspaceId, memberId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
