namespace Switchboard.Server.EventLog;

/// <summary>
/// Bound from the <c>EventRetention</c> section. Each workspace keeps its events for its own
/// <c>EventRetention</c> setting unless <see cref="Override"/> sets one period for the whole server.
/// </summary>
public sealed class EventRetentionOptions
{
    /// <summary>Runs compaction periodically; off for deployments that schedule it elsewhere.</summary>
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>When set, every workspace keeps events this long, whatever its setting says.</summary>
    public TimeSpan? Override { get; set; }
    /// <summary>Events deleted per transaction, so compaction never holds the writers up for long.</summary>
    public int BatchSize { get; set; } = 5000;

    public bool IsValid() => Interval > TimeSpan.Zero && BatchSize >= 1 && (Override is null || Override >= TimeSpan.Zero);
}
