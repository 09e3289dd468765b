using System.Globalization;

namespace Switchboard.Cluster.Tests.Infrastructure;

/// <summary>nginx from Debian's package, run with the project's <c>nginx.conf</c> in front of the nodes, on loopback.</summary>
sealed class Balancer : IAsyncDisposable
{
    const string Executable = "/usr/sbin/nginx";

    readonly ChildProcess process;

    Balancer(ChildProcess process, int port)
    {
        this.process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public Uri BaseAddress { get; }
    public string Folder { get; private init; } = "";

    public static async Task<Balancer> StartAsync(IEnumerable<SwitchboardNode> nodes, string folder)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is missing: install Debian's nginx package (./test.sh does: apt-get install nginx-light).");
        var port = Ports.Free();
        // Workers drop root privileges: the folders they write large request bodies to must be theirs too.
        foreach (var sub in new[] { "body", "proxy" }) Directory.CreateDirectory(Path.Combine(folder, sub));
        foreach (var path in new[] { folder, Path.Combine(folder, "body"), Path.Combine(folder, "proxy") })
            File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        var servers = string.Join("\n        ", nodes.Select(n => $"server {n.Address} max_fails=1 fail_timeout=5s;"));
        var config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "nginx.conf"))
            .Replace("{{prefix}}", folder, StringComparison.Ordinal)
            .Replace("{{port}}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{servers}}", servers, StringComparison.Ordinal);
        var configPath = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(configPath, config);
        var process = ChildProcess.Start(Executable, ["-p", folder, "-c", configPath, "-g", "daemon off;"], Path.Combine(folder, "nginx.out"));
        var balancer = new Balancer(process, port) { Folder = folder };
        // Through the balancer to any node: nginx listens and forwards.
        await Ports.WaitHealthyAsync(new Uri(balancer.BaseAddress, "/healthz"), process, TimeSpan.FromSeconds(30));
        return balancer;
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
