namespace Switchboard.Server.Jobs;

/// <summary>
/// Runs the jobs of one <see cref="Kind"/>. Throwing fails the attempt (it is retried with backoff until its
/// budget is spent, then dead-lettered). Handlers must be idempotent: a crash after the work but before the
/// job is marked done runs it again.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task HandleAsync(JobContext job, CancellationToken cancellationToken);
}
