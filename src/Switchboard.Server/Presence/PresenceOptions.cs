namespace Switchboard.Server.Presence;

/// <summary>Bound from the <c>Presence</c> section. The idle timeout itself is a workspace setting.</summary>
public sealed class PresenceOptions
{
    /// <summary>A member's activity is written at most this often; requests in between cost nothing.</summary>
    public TimeSpan TouchThrottle { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How often idle members are looked for (cluster-wide, once per interval).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How often members with an open stream connection on this node count as active.</summary>
    public TimeSpan ConnectionHeartbeat { get; set; } = TimeSpan.FromSeconds(30);
}
