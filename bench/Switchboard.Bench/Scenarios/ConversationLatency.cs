using Switchboard.Bench.Load;
using Switchboard.Bench.Report;
using Switchboard.Bench.Targets;

namespace Switchboard.Bench.Scenarios;

/// <summary>
/// Scenario 1: N visitor–operator pairs, each in its own conversation, taking turns to write at a fixed total rate.
/// Latency runs from the start of the POST to the other side's stream event. Every operator's dashboard sees the whole
/// workspace (as in the product), every visitor only its conversation; all of it is checked for loss and order.
/// </summary>
public static class ConversationLatency
{
    public static async Task RunAsync(BenchOptions options, BenchPaths paths, ResultBook book, CancellationToken cancellationToken)
    {
        var transport = options.Transports[0];
        foreach (var run in Enumerable.Range(1, options.Runs))
            foreach (var targetName in options.Targets)
            {
                await using var target = await TargetFactory.StartAsync(targetName, paths, options, cancellationToken);
                var setup = await target.SetUpAsync(options.Pairs, options.Pairs, cancellationToken);
                using var connector = new StreamConnector(target.Nodes, transport);
                using var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
                var variant = $"{transport}, {options.Deployment}, {options.Pairs} pairs";

                // Ten seconds of traffic first: the runtime's tiered JIT is still recompiling hot paths for a while after start.
                if (!options.Smoke) await MeasureAsync(target, setup, connector, handler, $"warm{run}", 300, TimeSpan.FromSeconds(10), cancellationToken);
                foreach (var rate in options.Rates ?? [100, 1000])
                {
                    var result = await MeasureAsync(target, setup, connector, handler, $"r{run}-{rate}", rate, TimeSpan.FromSeconds(options.Seconds), cancellationToken);
                    book.Add(Describe(result, targetName, $"{rate}/s, {variant}", rate));
                }
                if (options.Rates is not null || options.Smoke) continue;

                var (max, best) = await RateSearch.RunAsync(500, 40_000, async rate =>
                {
                    var result = await MeasureAsync(target, setup, connector, handler, $"s{run}-{rate}", rate, TimeSpan.FromSeconds(Math.Min(options.Seconds, 5)), cancellationToken);
                    Console.WriteLine($"    {targetName} {rate}/s: achieved {result.Log.AchievedRate:F0}/s, end-to-end p99 {result.EndToEnd.P99:F1} ms");
                    return (result.Sustained(rate, result.EndToEnd, options.P99LimitMs), result);
                });
                book.Add(best is null
                    ? new ScenarioResult("conversation-latency", targetName, $"max, {variant}") { Failures = { "not even 500/s was sustained" } }
                    : Describe(best, targetName, $"max, {variant}", max).With("max sustained rate/s", max));
            }
    }

    static ScenarioResult Describe(TrafficResult result, string target, string variant, double rate) =>
        new ScenarioResult("conversation-latency", target, variant)
            .With("rate/s", rate).With("achieved/s", result.Log.AchievedRate)
            .WithLatency("end-to-end", result.EndToEnd).With("post p50 ms", result.Post.P50).With("post p99 ms", result.Post.P99)
            .Add(result);

    static async Task<TrafficResult> MeasureAsync(IBenchTarget target, BenchSetup setup, StreamConnector connector, HttpMessageHandler handler,
        string tag, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var pairs = setup.Visitors.Count;
        var cursor = await target.CursorAsync(setup, cancellationToken);
        // Receiver 2p is pair p's operator dashboard, 2p+1 its visitor.
        var specs = new List<(string, string, long)>();
        for (var p = 0; p < pairs; p++)
        {
            specs.Add(($"operator {p}", setup.OperatorTokens[p % setup.OperatorTokens.Count], cursor));
            specs.Add(($"visitor {p}", setup.Visitors[p].Token, cursor));
        }
        await using var receivers = await ReceiverSet.OpenAsync(connector, specs, 100, cancellationToken);
        if (receivers.Refused.Count > 0) throw new InvalidOperationException($"{receivers.Refused.Count} streams did not open.");

        // Sender 2p is pair p's operator, 2p+1 its visitor; the pair takes turns.
        var senders = new List<Sender>();
        for (var p = 0; p < pairs; p++)
        {
            var node = target.Nodes[p % target.Nodes.Count];
            senders.Add(Sender.Create(handler, node, setup.OperatorTokens[p % setup.OperatorTokens.Count], setup.Visitors[p].ConversationId));
            senders.Add(Sender.Create(handler, node, setup.Visitors[p].Token, setup.Visitors[p].ConversationId));
        }
        var traffic = new Traffic
        {
            ServerCpu = target.ServerCpu,
            Receivers = receivers.Receivers,
            Scopes = [.. Enumerable.Range(0, pairs).SelectMany(p => new long?[] { null, setup.Visitors[p].ConversationId })],
            Senders = senders,
            SenderOf = i => 2 * (i % pairs) + (i / pairs + 1) % 2,
            // The visitor (odd sender) writes to its operator (even receiver) and back.
            OtherSideOf = i => 2 * (i % pairs) + (i / pairs) % 2,
        };
        return await traffic.RunAsync(tag, rate, duration, cancellationToken);
    }
}
