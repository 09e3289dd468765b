using Switchboard.Server.Jobs;

namespace Switchboard.Server.Stats;

/// <summary>Periodic: closes each workspace's local days once they have ended (and catches up on missed ones).</summary>
public sealed class StatsCloseHandler(StatsService stats) : IJobHandler
{
    public const string JobKind = "stats.close";

    public string Kind => JobKind;

    public Task HandleAsync(JobContext job, CancellationToken cancellationToken) => stats.CloseEndedDaysAsync(cancellationToken);
}
