namespace Switchboard.Server.Jobs;

/// <summary>
/// Enqueues each <see cref="PeriodicJob"/> at the start of its slot. One node schedules at a time (the cluster
/// lock), and the slot's dedupe key makes a second enqueue of the same slot a no-op anyway, so a periodic job runs
/// once per slot however many nodes run. The job itself then goes through the worker, with its retries.
/// </summary>
public sealed class PeriodicScheduler(
    IEnumerable<PeriodicJob> periodic, JobQueue queue, Storage.Database database, IClusterLock clusterLock,
    Microsoft.Extensions.Options.IOptions<JobsOptions> options, TimeProvider clock, ILogger<PeriodicScheduler> logger) : BackgroundService
{
    public const string LockName = "periodic-scheduler";
    readonly PeriodicJob[] jobs = periodic.Where(p => p.Interval > TimeSpan.Zero).ToArray();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (jobs.Length == 0 || !options.Value.WorkerEnabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            try
            {
                await EnqueueDueAsync(now, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                JobsLog.SchedulerFailed(logger, ex.GetType().Name, ex);
            }
            // Counted from the time the slots were taken, not from when the enqueue finished: a slot that began while
            // it ran (a slow database, a paused process) is enqueued at once instead of being skipped.
            var wait = NextSlotStart(now) - clock.GetUtcNow();
            if (wait <= TimeSpan.Zero) continue;
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Enqueues the current slot of every periodic job (no-op for slots already enqueued).</summary>
    public Task EnqueueDueAsync(CancellationToken cancellationToken) => EnqueueDueAsync(clock.GetUtcNow(), cancellationToken);

    /// <summary>Enqueues every periodic job's slot at <paramref name="now"/> (no-op for slots already enqueued).</summary>
    async Task EnqueueDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var held = await clusterLock.TryAcquireAsync(LockName, cancellationToken);
        if (held is null) return;
        var enqueued = await database.WriteGlobalAsync(async (c, tx) =>
        {
            var any = false;
            foreach (var job in jobs)
            {
                var slot = SlotOf(now, job.Interval);
                var id = await queue.EnqueueAsync(c, tx, null, job.Kind, new PeriodicSlot(job.Name, slot), now,
                    new JobEnqueueOptions(DedupeKey: $"periodic:{job.Name}:{slot}"));
                any |= id is not null;
            }
            return any;
        }, cancellationToken);
        if (enqueued) queue.Notify();
    }

    public static long SlotOf(DateTimeOffset at, TimeSpan interval) => at.ToUnixTimeMilliseconds() / (long)interval.TotalMilliseconds;

    /// <summary>The earliest start of a slot after the one <paramref name="now"/> is in, over every periodic job.</summary>
    DateTimeOffset NextSlotStart(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeMilliseconds(jobs.Min(j => (SlotOf(now, j.Interval) + 1) * (long)j.Interval.TotalMilliseconds));
}

