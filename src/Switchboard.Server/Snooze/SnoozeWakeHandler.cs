using Switchboard.Server.Jobs;

namespace Switchboard.Server.Snooze;

/// <summary>
/// Runs a timed snooze's wake job at its <c>run_at</c>. Idempotent by construction: it wakes only a conversation still
/// snoozed until the job's instant, so a rerun, a re-snooze or an unsnooze makes it a no-op.
/// </summary>
public sealed class SnoozeWakeHandler(SnoozeService snooze) : IJobHandler
{
    public string Kind => SnoozeService.WakeJobKind;

    public Task HandleAsync(JobContext job, CancellationToken cancellationToken) =>
        snooze.WakeAsync(job.WorkspaceId ?? throw new InvalidOperationException($"Job {job.Id} has no workspace."), job.Read<SnoozeWakeJob>(), cancellationToken);
}
