namespace Switchboard.Bench.Targets;

/// <summary>
/// The raw Kestrel server (<see cref="Baseline.BaselineServer"/>) in its own process, or, named <c>durable</c>, the same
/// server committing every message to SQLite before broadcasting it. It has no accounts: tokens name the role.
/// </summary>
public sealed class BaselineTarget(string name, ServerProcess process) : IBenchTarget
{
    public string Name => name;
    public IReadOnlyList<Uri> Nodes => [process.BaseAddress];
    public ServerProcess? Process => process;
    public TimeSpan? ServerCpu() => process.CpuTime();

    public static async Task<BaselineTarget> StartAsync(BenchPaths paths, bool durable, int? openFiles, CancellationToken cancellationToken)
    {
        var name = durable ? "durable" : "baseline";
        var port = ServerProcess.FreePort();
        string[] command = ["dotnet", paths.BenchDll, "baseline-server", "--urls", $"http://127.0.0.1:{port}"];
        if (durable) command = [.. command, "--durable", Path.Combine(paths.NewDataDirectory(), "messages.db")];
        var process = await ServerProcess.StartAsync(paths.LogFile(name), command, new Dictionary<string, string>(), port, openFiles, cancellationToken);
        return new BaselineTarget(name, process);
    }

    public Task<BenchSetup> SetUpAsync(int operators, int visitors, CancellationToken cancellationToken) =>
        Task.FromResult(new BenchSetup(
            [.. Enumerable.Range(0, Math.Max(1, operators)).Select(i => $"operator-{i}")],
            [.. Enumerable.Range(1, visitors).Select(i => new Visitor($"visitor-{i}", i))],
            0));

    // The baseline keeps no log: a stream starts live, so the bench opens streams before it sends.
    public Task<long> CursorAsync(BenchSetup setup, CancellationToken cancellationToken) => Task.FromResult(0L);

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
