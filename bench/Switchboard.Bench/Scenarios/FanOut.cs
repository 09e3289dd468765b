using Switchboard.Bench.Load;
using Switchboard.Bench.Report;
using Switchboard.Bench.Targets;

namespace Switchboard.Bench.Scenarios;

/// <summary>
/// Scenario 3: M dashboards in one workspace, each receiving every event, while visitors write. Reports deliveries
/// per second (message × dashboard) and the latency of each delivery from the start of its POST; the rate rises until
/// the delivery p99 passes 100 ms or the rate is no longer sustained. Run per transport.
/// </summary>
public static class FanOut
{
    const double P99LimitMs = 100;
    const int Writers = 10;

    public static async Task RunAsync(BenchOptions options, BenchPaths paths, ResultBook book, CancellationToken cancellationToken)
    {
        foreach (var run in Enumerable.Range(1, options.Runs))
            foreach (var transport in options.Transports)
                foreach (var targetName in options.Targets)
                {
                    await using var target = await TargetFactory.StartAsync(targetName, paths, options, cancellationToken);
                    var setup = await target.SetUpAsync(10, Writers, cancellationToken);
                    using var connector = new StreamConnector(target.Nodes, transport);
                    using var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
                    var variant = $"{transport}, {options.Dashboards} dashboards, {options.Deployment}";
                    var cursor = await target.CursorAsync(setup, cancellationToken);
                    var specs = Enumerable.Range(0, options.Dashboards).Select(d => ($"dashboard {d}", setup.OperatorTokens[d % setup.OperatorTokens.Count], cursor)).ToList();
                    await using var receivers = await ReceiverSet.OpenAsync(connector, specs, 100, cancellationToken);
                    if (receivers.Refused.Count > 0)
                    {
                        book.Add(new ScenarioResult("fan-out", targetName, variant) { Failures = { $"{receivers.Refused.Count} of {specs.Count} dashboards did not connect" } });
                        continue;
                    }
                    var senders = setup.Visitors.Select((v, i) => Sender.Create(handler, target.Nodes[i % target.Nodes.Count], v.Token, v.ConversationId)).ToList();
                    var traffic = new Traffic { Receivers = receivers.Receivers, Scopes = [.. specs.Select(_ => (long?)null)], Senders = senders, SenderOf = i => i % senders.Count,
                        ServerCpu = target.ServerCpu };

                    async Task<(bool, TrafficResult)> Measure(double rate, string tag)
                    {
                        var result = await traffic.RunAsync(tag, rate, TimeSpan.FromSeconds(Math.Min(options.Seconds, 5)), cancellationToken);
                        Console.WriteLine($"    {targetName} {transport} {rate}/s: {result.DeliveriesPerSecond:F0} deliveries/s, p99 {result.Deliveries.P99:F1} ms");
                        return (result.Sustained(rate, result.Deliveries, P99LimitMs), result);
                    }

                    // Traffic first: the runtime's tiered JIT is still recompiling hot paths for a while after start
                    // (without it, the first fixed rate measured the JIT: slower at 5 msg/s than at 20).
                    if (!options.Smoke) await traffic.RunAsync($"warm{run}", 20, TimeSpan.FromSeconds(10), cancellationToken);
                    if (options.Rates is { } rates)
                    {
                        foreach (var rate in rates) book.Add(Describe((await Measure(rate, $"f{run}-{rate}")).Item2, targetName, $"{rate}/s, {variant}", rate));
                        continue;
                    }
                    var (max, best) = await RateSearch.RunAsync(50, 5_000, rate => Measure(rate, $"f{run}-{rate}"));
                    if (best is null) { book.Add(new ScenarioResult("fan-out", targetName, variant) { Failures = { "no rate was sustained" } }); continue; }
                    book.Add(Describe(best, targetName, variant, max));
                }
    }

    static ScenarioResult Describe(TrafficResult result, string target, string variant, double rate) =>
        new ScenarioResult("fan-out", target, variant)
            .With("messages/s", rate).With("deliveries/s", result.DeliveriesPerSecond).WithLatency("delivery", result.Deliveries)
            .Add(result);
}
