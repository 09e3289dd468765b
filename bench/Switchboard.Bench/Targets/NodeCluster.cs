using System.Globalization;

namespace Switchboard.Bench.Targets;

/// <summary>
/// More Switchboard nodes on the first node's PostgreSQL database, and Debian's nginx in front of all of them with the
/// project's tested configuration (<c>tests/Switchboard.Cluster.Tests/nginx.conf</c>: round-robin, no sticky sessions,
/// streams unbuffered). The bench's clients then talk to the balancer only, as a team's browsers would.
/// </summary>
public sealed class NodeCluster : IAsyncDisposable
{
    const string Nginx = "/usr/sbin/nginx";

    readonly IReadOnlyList<ServerProcess> extraNodes;
    readonly ServerProcess balancer;

    NodeCluster(IReadOnlyList<ServerProcess> extraNodes, ServerProcess balancer)
    {
        this.extraNodes = extraNodes;
        this.balancer = balancer;
    }

    public Uri BaseAddress => balancer.BaseAddress;

    /// <summary>CPU time of the nodes this cluster added (not nginx's, not the first node's).</summary>
    public TimeSpan NodesCpuTime() => extraNodes.Aggregate(TimeSpan.Zero, (sum, node) => sum + node.CpuTime());

    /// <param name="nodeCommand">The server's command for a port (its database switches included, no demo).</param>
    public static async Task<NodeCluster> StartAsync(BenchPaths paths, ServerProcess first, int extra, Func<int, string[]> nodeCommand,
        IDictionary<string, string> environment, string workingDirectory, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Nginx)) throw new InvalidOperationException($"--nodes needs Linux and nginx ({Nginx}): apt-get install nginx-light.");
        var started = new List<ServerProcess>();
        try
        {
            // One at a time: each waits for its own /healthz (the first node already migrated the database).
            for (var i = 0; i < extra; i++)
            {
                var port = ServerProcess.FreePort();
                started.Add(await ServerProcess.StartAsync(paths.LogFile($"switchboard-node{i + 2}"), nodeCommand(port), environment, port, null,
                    cancellationToken, workingDirectory));
            }
            var balancer = await StartBalancerAsync(paths, [first.BaseAddress, .. started.Select(n => n.BaseAddress)], cancellationToken);
            return new NodeCluster(started, balancer);
        }
        catch
        {
            foreach (var node in started) await node.DisposeAsync();
            throw;
        }
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    static async Task<ServerProcess> StartBalancerAsync(BenchPaths paths, IEnumerable<Uri> nodes, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(paths.Work, "nginx")).FullName;
        // nginx's workers drop root privileges: the folders they write to must be theirs too.
        foreach (var sub in new[] { "body", "proxy" }) Directory.CreateDirectory(Path.Combine(folder, sub));
        foreach (var path in new[] { paths.Work, folder, Path.Combine(folder, "body"), Path.Combine(folder, "proxy") })
            File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        var port = ServerProcess.FreePort();
        var servers = string.Join("\n        ", nodes.Select(n => $"server {n.Authority} max_fails=1 fail_timeout=5s;"));
        var config = (await File.ReadAllTextAsync(Path.Combine(paths.Repo, "tests/Switchboard.Cluster.Tests/nginx.conf"), cancellationToken))
            .Replace("{{prefix}}", folder, StringComparison.Ordinal)
            .Replace("{{port}}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{servers}}", servers, StringComparison.Ordinal);
        var configPath = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(configPath, config, cancellationToken);
        // Healthy through the balancer means nginx listens and reaches a node.
        return await ServerProcess.StartAsync(paths.LogFile("nginx"), [Nginx, "-p", folder, "-c", configPath, "-g", "daemon off;"],
            new Dictionary<string, string>(), port, null, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await balancer.DisposeAsync();
        foreach (var node in extraNodes) await node.DisposeAsync();
    }
}
