namespace Switchboard.Bench.Targets;

/// <summary>
/// Something to measure: Switchboard (a process this run starts, or nodes already running elsewhere) or the raw
/// Kestrel baseline. Both speak the same small subset of the API, so every scenario runs the same client code on both.
/// </summary>
public interface IBenchTarget : IAsyncDisposable
{
    /// <summary><c>switchboard</c> or <c>baseline</c>.</summary>
    string Name { get; }

    IReadOnlyList<Uri> Nodes { get; }

    /// <summary>The server process when this run started it (for memory and start-up time), else null.</summary>
    ServerProcess? Process { get; }

    /// <summary>CPU time used so far by every server process this run started for it (all nodes of a cluster), else null.</summary>
    TimeSpan? ServerCpu();

    Task<BenchSetup> SetUpAsync(int operators, int visitors, CancellationToken cancellationToken);

    /// <summary>The workspace's current cursor: receivers opened for a measurement start there.</summary>
    Task<long> CursorAsync(BenchSetup setup, CancellationToken cancellationToken);
}
