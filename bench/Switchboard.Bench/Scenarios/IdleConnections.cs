using Switchboard.Bench.Load;
using Switchboard.Bench.Report;
using Switchboard.Bench.Targets;

namespace Switchboard.Bench.Scenarios;

/// <summary>
/// Scenario 4: C idle streams held open (per transport): the server's resident memory per connection, and proof
/// they are alive (one message then reaches every one of them, once). Then the connection cap: a Switchboard process
/// with a small open-files limit must refuse the excess with 503 and stay healthy, never run out of descriptors.
/// </summary>
public static class IdleConnections
{
    public static async Task RunAsync(BenchOptions options, BenchPaths paths, ResultBook book, CancellationToken cancellationToken)
    {
        foreach (var run in Enumerable.Range(1, options.Runs))
            foreach (var transport in options.Transports)
                foreach (var targetName in options.Targets)
                    book.Add(await HoldAsync(options, paths, targetName, transport, run, cancellationToken));
        if (options.Targets.Contains("switchboard") && options.Urls.Count == 0)
            foreach (var transport in options.Transports) book.Add(await CapAsync(options, paths, transport, cancellationToken));
    }

    static async Task<ScenarioResult> HoldAsync(BenchOptions options, BenchPaths paths, string targetName, string transport, int run, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult("idle-connections", targetName, $"{transport}, {options.Connections} connections");
        await using var target = await TargetFactory.StartAsync(targetName, paths, options, cancellationToken);
        var process = target.Process ?? throw new InvalidOperationException("Memory is read from a server this run starts; drop --url.");
        var setup = await target.SetUpAsync(1, 1, cancellationToken);
        using var connector = new StreamConnector(target.Nodes, transport);
        using var handler = new SocketsHttpHandler();
        var cursor = await target.CursorAsync(setup, cancellationToken);

        // One connection first, so what is measured is the cost of each further one, not the first-use start-up.
        await using var first = await ReceiverSet.OpenAsync(connector, [("first", setup.OperatorTokens[0], cursor)], 1, cancellationToken);
        var before = process.ResidentBytes();
        var specs = Enumerable.Range(0, options.Connections).Select(i => ($"idle {i}", setup.OperatorTokens[0], cursor)).ToList();
        var opened = Clock.Now;
        await using var idle = await ReceiverSet.OpenAsync(connector, specs, 250, cancellationToken);
        var openSeconds = Clock.Ms(opened, Clock.Now) / 1000.0;
        var after = process.ResidentBytes();
        if (idle.Refused.Count > 0) result.Failures.Add($"{idle.Refused.Count} of {specs.Count} connections did not open ({idle.Refused[0].Failure?.Message})");

        // Still alive: one message reaches every held connection exactly once.
        var traffic = new Traffic { Receivers = idle.Receivers, Scopes = [.. idle.Receivers.Select(_ => (long?)null)], Senders = [Sender.Create(handler, target.Nodes[0], setup.Visitors[0].Token, setup.Visitors[0].ConversationId)], SenderOf = _ => 0 };
        var probe = await traffic.RunAsync($"idle{run}", 1, TimeSpan.FromSeconds(1), cancellationToken);
        result.Add(probe);
        result.With("held", idle.Receivers.Count).With("opened/s", idle.Receivers.Count / openSeconds)
            .With("server MiB before", before / 1048576.0).With("server MiB after", after / 1048576.0)
            .With("KiB per connection", idle.Receivers.Count > 0 ? (after - before) / 1024.0 / idle.Receivers.Count : 0)
            .With("probe delivery p99 ms", probe.Deliveries.P99);
        if (process.HasExited) result.Failures.Add("the server exited");
        return result;
    }

    static async Task<ScenarioResult> CapAsync(BenchOptions options, BenchPaths paths, string transport, CancellationToken cancellationToken)
    {
        const int openFiles = 1024;
        var attempts = openFiles + 200;
        var result = new ScenarioResult("connection-cap", "switchboard", $"{transport}, ulimit -n {openFiles}, {attempts} attempts");
        await using var target = await TargetFactory.StartAsync("switchboard", paths, options, cancellationToken, openFiles: openFiles);
        var setup = await target.SetUpAsync(1, 1, cancellationToken);
        using var connector = new StreamConnector(target.Nodes, transport);
        var specs = Enumerable.Range(0, attempts).Select(i => ($"cap {i}", setup.OperatorTokens[0], 0L)).ToList();
        await using var streams = await ReceiverSet.OpenAsync(connector, specs, 100, cancellationToken);

        var refused503 = streams.Refused.Count(r => r.Failure?.Message.Contains("503", StringComparison.Ordinal) == true);
        using var http = new HttpClient { BaseAddress = target.Nodes[0], Timeout = TimeSpan.FromSeconds(10) };
        var healthy = (await http.GetAsync("/healthz", cancellationToken)).IsSuccessStatusCode;
        result.With("accepted", streams.Receivers.Count).With("refused with 503", refused503).With("other failures", streams.Refused.Count - refused503)
            .With("healthy while full", healthy ? 1 : 0);
        if (refused503 == 0) result.Failures.Add("no connection was refused: the cap is not below the open-files limit");
        if (streams.Refused.Count != refused503) result.Failures.Add($"{streams.Refused.Count - refused503} connections failed otherwise than with 503 ({streams.Refused.FirstOrDefault(r => r.Failure?.Message.Contains("503", StringComparison.Ordinal) != true)?.Failure?.Message})");
        if (!healthy) result.Failures.Add("/healthz failed while the server was full");
        if (target.Process!.HasExited) result.Failures.Add("the server exited");
        return result;
    }
}
