namespace Switchboard.Server.Realtime.Cluster;

/// <summary>
/// Bound from the <c>Cluster</c> section. Used only on PostgreSQL: SQLite is one node by definition, and nothing of
/// the cluster bus runs there.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>Whether this node tells the others about its commits and listens to theirs (on PostgreSQL).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often the heads of the workspaces with listeners on this node are read from the log. Notifications make
    /// delivery fast; this check makes it certain: a lost notification costs at most this much latency, never a gap.
    /// </summary>
    public TimeSpan HeadCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Waits before reopening the listening connection after it dropped, in order; the last one repeats.</summary>
    public int[] ReconnectDelaysMs { get; set; } = [0, 1000, 2000, 5000, 10000];

    public bool IsValid() =>
        HeadCheckInterval >= TimeSpan.FromMilliseconds(10) && ReconnectDelaysMs is { Length: > 0 } && ReconnectDelaysMs.All(d => d >= 0);
}
