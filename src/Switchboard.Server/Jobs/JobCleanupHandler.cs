using Microsoft.Extensions.Options;

namespace Switchboard.Server.Jobs;

/// <summary>Periodic: deletes succeeded jobs past their retention (periodic slots alone add thousands a day).</summary>
public sealed class JobCleanupHandler(JobStore store, IOptions<JobsOptions> options, TimeProvider clock, ILogger<JobCleanupHandler> logger) : IJobHandler
{
    public const string JobKind = "jobs.cleanup";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteSucceededBeforeAsync(clock.GetUtcNow() - options.Value.SucceededRetention, cancellationToken);
        if (deleted > 0) JobsLog.Cleaned(logger, deleted);
    }
}
