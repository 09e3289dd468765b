using System.Data.Common;
using System.Diagnostics.Metrics;
using Switchboard.Server.Common;

namespace Switchboard.Server.Jobs;

/// <summary>
/// The job system's instruments (meter <c>Switchboard.Jobs</c>): attempts settled on this node by outcome, and the
/// jobs table by state (pending is the queue's depth, dead the dead letters an admin has to look at).
/// </summary>
public sealed class JobMetrics : IJobObserver
{
    public const string MeterName = "Switchboard.Jobs";
    static readonly TimeSpan CountTimeout = TimeSpan.FromSeconds(2);
    static readonly JobState[] Unfinished = [JobState.Pending, JobState.Running, JobState.Dead];

    readonly JobStore store;
    readonly Counter<long> settled;

    public JobMetrics(IMeterFactory meterFactory, JobStore store)
    {
        this.store = store;
        var meter = meterFactory.Create(MeterName);
        settled = meter.CreateCounter<long>("switchboard.jobs.settled", unit: "{attempt}",
            description: "Job attempts finished on this node, by outcome (succeeded, retry, dead).");
        meter.CreateObservableGauge("switchboard.jobs.queued", CountByState, unit: "{job}",
            description: "Jobs in the table by state (pending, running, dead), the same on every node: the table is shared.");
    }

    public void OnSettled(JobOutcome outcome)
    {
        var label = outcome.State switch { JobState.Succeeded => "succeeded", JobState.Dead => "dead", _ => "retry" };
        settled.Add(1, new KeyValuePair<string, object?>("outcome", label));
    }

    /// <summary>
    /// Asked on each scrape (every 15 s or so), so it reads the table then: one indexed count, bounded in time. The
    /// instrument API has no asynchronous callback, hence the wait. A database that does not answer reports nothing.
    /// </summary>
    IEnumerable<Measurement<long>> CountByState()
    {
        IReadOnlyDictionary<string, long> counts;
        try
        {
            using var timeout = new CancellationTokenSource(CountTimeout);
            counts = store.CountUnfinishedAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is DbException or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            // The scrape still serves every other instrument; /readyz is where an outage shows. (Disposed: the host is stopping.)
            return [];
        }
        return Unfinished.Select(state =>
        {
            var text = EnumText.ToText(state);
            return new Measurement<long>(counts.GetValueOrDefault(text), new KeyValuePair<string, object?>("state", text));
        });
    }
}
