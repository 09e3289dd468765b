namespace Switchboard.Server.Hosting;

/// <summary>
/// What this process calls itself among the nodes of a cluster (<c>Node:Name</c>): the label its metrics carry.
/// Unset, it is the machine's name and the process id, unique on a machine that runs several nodes.
/// </summary>
public static class NodeName
{
    public static string From(IConfiguration configuration) =>
        configuration["Node:Name"] is { Length: > 0 } name ? name : $"{Environment.MachineName}-{Environment.ProcessId}";
}
