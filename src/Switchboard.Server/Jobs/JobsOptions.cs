namespace Switchboard.Server.Jobs;

/// <summary>The job worker and its retry schedule, bound from the <c>Jobs</c> section.</summary>
public sealed class JobsOptions
{
    /// <summary>Whether this node runs jobs at all (a node can enqueue without working them off).</summary>
    public bool WorkerEnabled { get; set; } = true;
    /// <summary>Jobs this node runs at once.</summary>
    public int Concurrency { get; set; } = 2;
    /// <summary>Longest sleep between looks at the table when nothing signals; covers jobs other nodes enqueue.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>How long a claimed job belongs to its worker; a crashed worker's job is claimable again after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>A handler running longer is cancelled and the attempt counts as failed.</summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromMinutes(2);
    public int DefaultMaxAttempts { get; set; } = 8;
    /// <summary>Delay before the second attempt; each further attempt doubles it, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Random spread of each delay (0.2 = ±20 %), so failures of many jobs do not retry in lockstep.</summary>
    public double Jitter { get; set; } = 0.2;
    /// <summary>Succeeded jobs are deleted after this; dead ones stay until an admin retries them.</summary>
    public TimeSpan SucceededRetention { get; set; } = TimeSpan.FromDays(3);
}
