namespace Switchboard.Bench.Targets;

public static class TargetFactory
{
    public static async Task<IBenchTarget> StartAsync(string name, BenchPaths paths, BenchOptions options, CancellationToken cancellationToken,
        int? openFiles = null, string? dataDirectory = null) => name switch
    {
        "switchboard" => await SwitchboardTarget.StartAsync(paths, options, openFiles, dataDirectory, cancellationToken),
        "baseline" => await BaselineTarget.StartAsync(paths, durable: false, openFiles, cancellationToken),
        "durable" => await BaselineTarget.StartAsync(paths, durable: true, openFiles, cancellationToken),
        _ => throw new ArgumentException($"Unknown target {name}."),
    };
}
