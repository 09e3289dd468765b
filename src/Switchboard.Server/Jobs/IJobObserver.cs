namespace Switchboard.Server.Jobs;

/// <summary>Told about every settled attempt (metrics, tests). Called on the worker: must not block.</summary>
public interface IJobObserver
{
    void OnSettled(JobOutcome outcome);
}

/// <summary>An attempt's result: the job's new state, and when it runs next if it will.</summary>
public sealed record JobOutcome(long JobId, string Kind, long? WorkspaceId, int Attempt, JobState State, DateTimeOffset? NextRunAt, string? Error);
