using System.Diagnostics;
using System.Globalization;

namespace Switchboard.Cluster.Tests.Infrastructure;

/// <summary>One Switchboard server process on a loopback port, on the cluster's shared PostgreSQL database.</summary>
sealed class SwitchboardNode : IAsyncDisposable
{
    // Generous: on a 2-core machine the nodes start beside the other test assemblies.
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    ChildProcess? process;

    readonly string[] settings;

    SwitchboardNode(int port, string connectionString, string logFolder, string[] settings)
    {
        this.settings = settings;
        Port = port;
        ConnectionString = connectionString;
        LogFolder = logFolder;
    }

    public int Port { get; }
    public string Address => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);
    string ConnectionString { get; }
    string LogFolder { get; }
    public int Starts { get; private set; }
    public string Tail() => process?.Tail() ?? "";

    /// <param name="settings">More switches for the server (<c>--Drain:Delay=00:00:02</c>).</param>
    public static async Task<SwitchboardNode> StartAsync(string connectionString, string logFolder, params string[] settings)
    {
        var node = new SwitchboardNode(Ports.Free(), connectionString, logFolder, settings);
        await node.StartAsync();
        return node;
    }

    /// <summary>Starts (or restarts) the process with the same build and settings; returns once it is ready.</summary>
    public async Task StartAsync()
    {
        Starts++;
        var dll = RepositoryPaths.ServerDll();
        // Started in its build folder, so its appsettings.json (log levels) applies as in a deployment.
        process = ChildProcess.Start("dotnet", [dll,
            "--urls", "http://" + Address, "--database", "postgres", "--connection-string", ConnectionString, "--no-demo",
            // All clients come from one address here, and no bot should answer: the test checks the clients' messages.
            "--RateLimits:Enabled=false", "--Bots:Enabled=false", .. settings],
            Path.Combine(LogFolder, $"node-{Port}-{Starts}.log"), Path.GetDirectoryName(dll));
        await Ports.WaitHealthyAsync(new Uri($"http://{Address}/readyz"), process, StartTimeout);
    }

    public Task KillAsync() => process?.KillAsync() ?? Task.CompletedTask;

    public ChildProcess Child => process ?? throw new InvalidOperationException("The node was never started.");

    /// <summary>Runs a server command (<c>workspace create …</c>) against the database and returns its output.</summary>
    public static async Task<string> RunCommandAsync(string connectionString, params string[] command)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var part in (string[])[RepositoryPaths.ServerDll(), .. command, "--database", "postgres", "--connection-string", connectionString])
            info.ArgumentList.Add(part);
        using var run = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet");
        var output = run.StandardOutput.ReadToEndAsync();
        var errors = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync().WaitAsync(StartTimeout);
        return run.ExitCode == 0 ? await output : throw new InvalidOperationException($"{command[0]} exited with {run.ExitCode}: {await errors}{await output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null) await process.DisposeAsync();
    }
}
