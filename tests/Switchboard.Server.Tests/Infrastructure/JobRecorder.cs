using Switchboard.Server.Jobs;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>Records every settled job attempt; tests wait for the outcome they expect, bounded.</summary>
public sealed class JobRecorder : IJobObserver
{
    readonly Lock gate = new();
    readonly List<JobOutcome> outcomes = [];
    TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OnSettled(JobOutcome outcome)
    {
        lock (gate)
        {
            outcomes.Add(outcome);
            arrived.TrySetResult();
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public IReadOnlyList<JobOutcome> Outcomes
    {
        get { lock (gate) return outcomes.ToList(); }
    }

    /// <summary>Waits for an outcome matching <paramref name="match"/> among those after the first <paramref name="skip"/>.</summary>
    public async Task<JobOutcome> WaitAsync(Func<JobOutcome, bool> match, TimeSpan? timeout = null, int skip = 0)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (outcomes.Skip(skip).FirstOrDefault(match) is { } found) return found;
                next = arrived.Task;
            }
            try
            {
                await next.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                lock (gate) Assert.Fail($"No matching job outcome within the timeout; saw: {string.Join(", ", outcomes.Select(o => $"{o.JobId}:{o.Kind}:{o.State}#{o.Attempt}"))}");
            }
        }
    }
}
