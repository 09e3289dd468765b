namespace Switchboard.Server.Realtime.Cluster;

/// <summary>This process among the nodes sharing a database: its id tells its own signals apart when they come back.</summary>
public sealed class ClusterNode
{
    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];
}
