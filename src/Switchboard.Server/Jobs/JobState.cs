namespace Switchboard.Server.Jobs;

/// <summary>Where a job stands. Stored as text: <c>pending</c>, <c>running</c>, <c>succeeded</c>, <c>dead</c>.</summary>
public enum JobState
{
    /// <summary>Waiting for its <c>runAt</c> (a first run or a retry).</summary>
    Pending,
    /// <summary>Claimed by a worker whose lease has not expired.</summary>
    Running,
    Succeeded,
    /// <summary>Failed on every attempt of its budget; waits for an admin to retry it.</summary>
    Dead,
}
