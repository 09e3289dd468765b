using System.Collections.Concurrent;
using Switchboard.Server.Jobs;

namespace Switchboard.Server.Tests.Jobs;

/// <summary>A job handler for tests: records each run's payload and fails while <see cref="Failing"/> is set.</summary>
public sealed class ProbeHandler : IJobHandler
{
    public const string JobKind = "test.probe";

    public string Kind => JobKind;

    public volatile bool Failing;

    public ConcurrentQueue<(long JobId, string Payload, int Attempt)> Runs { get; } = new();

    public Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        Runs.Enqueue((job.Id, job.Payload, job.Attempt));
        if (Failing) throw new InvalidOperationException($"probe failure on attempt {job.Attempt}");
        return Task.CompletedTask;
    }
}
