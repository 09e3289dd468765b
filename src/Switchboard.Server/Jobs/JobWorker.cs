using Microsoft.Extensions.Options;

namespace Switchboard.Server.Jobs;

/// <summary>
/// Runs due jobs: <see cref="JobsOptions.Concurrency"/> lanes, each claiming one job at a time. A lane that finds
/// nothing sleeps until the next job is due, a commit on this node signals, or the poll interval passes (jobs
/// enqueued by other nodes), all on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class JobWorker(
    JobStore store, JobSignal signal, IEnumerable<IJobHandler> handlers, IEnumerable<IJobObserver> observers,
    IOptions<JobsOptions> options, TimeProvider clock, ILogger<JobWorker> logger) : BackgroundService
{
    readonly Dictionary<string, IJobHandler> byKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    readonly IJobObserver[] observers = observers.ToArray();
    readonly RetrySchedule schedule = RetrySchedule.From(options.Value);

    /// <summary>Identifies this process's claims; a lease is only settled by the worker that holds it.</summary>
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled) return Task.CompletedTask;
        var lanes = Math.Max(1, options.Value.Concurrency);
        JobsLog.WorkerStarted(logger, Name, lanes);
        return Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => Task.Run(() => LaneAsync(stoppingToken), stoppingToken)));
    }

    async Task LaneAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Take the signal before looking: a job committed while we look still wakes us.
                var woken = signal.WaitAsync();
                var job = await store.ClaimAsync(Name, clock.GetUtcNow(), options.Value.Lease, stoppingToken);
                if (job is not null)
                {
                    await RunAsync(job, stoppingToken);
                    failures = 0;
                    continue;
                }
                var next = await store.NextDueAsync(stoppingToken);
                var wait = options.Value.PollInterval;
                if (next is { } due) wait = TimeSpan.FromMilliseconds(Math.Clamp(due - clock.GetUtcNow().ToUnixTimeMilliseconds(), 0, (long)wait.TotalMilliseconds));
                failures = 0;
                if (wait > TimeSpan.Zero) await SleepAsync(woken, wait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unreachable or similar: back off instead of spinning, on the same schedule as jobs.
                var delay = schedule.DelayAfter(++failures, Random.Shared.NextDouble());
                JobsLog.LoopFailed(logger, ex.GetType().Name, (long)delay.TotalMilliseconds, ex);
                try { await Task.Delay(delay, clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    async Task SleepAsync(Task woken, TimeSpan wait, CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(wait, clock, stop.Token);
        await Task.WhenAny(woken, timer);
        await stop.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    async Task RunAsync(JobRow job, CancellationToken stoppingToken)
    {
        var context = new JobContext(job.Id, job.Kind, job.WorkspaceId, job.Payload, job.Attempts, job.MaxAttempts);
        try
        {
            // A job re-claimed after its worker died mid-attempt may already have spent its budget.
            if (job.Attempts > job.MaxAttempts) throw new JobBudgetSpentException(job.MaxAttempts);
            if (!byKind.TryGetValue(job.Kind, out var handler)) throw new InvalidOperationException($"No handler is registered for job kind '{job.Kind}'.");
            using var timeout = new CancellationTokenSource(options.Value.HandlerTimeout, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
            await handler.HandleAsync(context, linked.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown is not the job's fault: hand it back unrun. The stopping token is already cancelled, so this
            // last write runs without one.
            await store.ReleaseAsync(job, Name, clock.GetUtcNow(), CancellationToken.None);
            JobsLog.Released(logger, job.Id, job.Kind);
            return;
        }
        catch (Exception ex)
        {
            await FailAsync(job, ex, stoppingToken);
            return;
        }
        await store.SucceedAsync(job, Name, clock.GetUtcNow(), stoppingToken);
        JobsLog.Succeeded(logger, job.Id, job.Kind, job.Attempts);
        Notify(new JobOutcome(job.Id, job.Kind, job.WorkspaceId, job.Attempts, JobState.Succeeded, null, null));
    }

    async Task FailAsync(JobRow job, Exception ex, CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        var dead = job.Attempts >= job.MaxAttempts;
        var delay = schedule.DelayAfter(job.Attempts, Random.Shared.NextDouble());
        DateTimeOffset? next = dead ? null : now + delay;
        var error = Truncate($"{ex.GetType().Name}: {ex.Message}", 1000);
        await store.FailAsync(job, Name, dead, next, error, now, stoppingToken);
        if (dead) JobsLog.Dead(logger, job.Id, job.Kind, job.Attempts, ex.GetType().Name);
        else JobsLog.Failed(logger, job.Id, job.Kind, job.Attempts, ex.GetType().Name, (long)delay.TotalMilliseconds);
        Notify(new JobOutcome(job.Id, job.Kind, job.WorkspaceId, job.Attempts, dead ? JobState.Dead : JobState.Pending, next, error));
    }

    void Notify(JobOutcome outcome)
    {
        foreach (var observer in observers) observer.OnSettled(outcome);
    }

    static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    sealed class JobBudgetSpentException(int maxAttempts)
        : Exception($"The job was claimed again after its worker stopped, with its {maxAttempts} attempts spent.");
}
