using Switchboard.Bench.Load;
using Switchboard.Bench.Report;
using Switchboard.Bench.Storage;
using Switchboard.Bench.Targets;

namespace Switchboard.Bench.Scenarios;

/// <summary>
/// Scenario 2: the highest persisted message rate whose POST p99 (start of the request to the server's answer,
/// given only after commit) stays under the limit. Visitors in many conversations write; one dashboard streams
/// everything so loss and order are checked too. The same run measures the database's own single-row commit rate.
/// </summary>
public static class SustainedThroughput
{
    const int Conversations = 100;

    public static async Task RunAsync(BenchOptions options, BenchPaths paths, ResultBook book, CancellationToken cancellationToken)
    {
        var variant = options.Database;
        foreach (var run in Enumerable.Range(1, options.Runs))
        {
            var commits = await RawCommits.MeasureAsync(options, paths, options.Smoke ? 500 : 20_000, cancellationToken);
            book.Add(new ScenarioResult("sustained-throughput", "raw-" + options.Database, variant).With("max rate/s", commits));

            foreach (var targetName in options.Targets)
            {
                await using var target = await TargetFactory.StartAsync(targetName, paths, options, cancellationToken);
                var setup = await target.SetUpAsync(1, options.Smoke ? 5 : Conversations, cancellationToken);
                using var connector = new StreamConnector(target.Nodes, options.Transports[0]);
                using var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
                if (options.Smoke)
                {
                    book.Add(Describe(await MeasureAsync(target, setup, connector, handler, "smoke", options.Rates![0], TimeSpan.FromSeconds(options.Seconds), cancellationToken), targetName, variant, options.Rates![0]));
                    continue;
                }
                // Ten seconds of traffic first: the runtime's tiered JIT is still recompiling hot paths for a while after start.
                await MeasureAsync(target, setup, connector, handler, $"warm{run}", 300, TimeSpan.FromSeconds(10), cancellationToken);
                var (max, best) = await RateSearch.RunAsync(500, 60_000, async rate =>
                {
                    var result = await MeasureAsync(target, setup, connector, handler, $"t{run}-{rate}", rate, TimeSpan.FromSeconds(Math.Min(options.Seconds, 5)), cancellationToken);
                    Console.WriteLine($"    {targetName} {rate}/s: achieved {result.Log.AchievedRate:F0}/s, post p99 {result.Post.P99:F1} ms, failed {result.Log.Failed}");
                    return (result.Sustained(rate, result.Post, options.P99LimitMs), result);
                });
                if (best is null) { book.Add(new ScenarioResult("sustained-throughput", targetName, variant) { Failures = { "no rate was sustained" } }); continue; }
                book.Add(Describe(best, targetName, variant, max).With("max rate/s", max));
            }
        }
    }

    static ScenarioResult Describe(TrafficResult result, string target, string variant, double rate) =>
        new ScenarioResult("sustained-throughput", target, variant)
            .With("rate/s", rate).With("achieved/s", result.Log.AchievedRate).WithLatency("post", result.Post).With("stream p99 ms", result.Deliveries.P99)
            .Add(result);

    static async Task<TrafficResult> MeasureAsync(IBenchTarget target, BenchSetup setup, StreamConnector connector, HttpMessageHandler handler,
        string tag, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var cursor = await target.CursorAsync(setup, cancellationToken);
        await using var receivers = await ReceiverSet.OpenAsync(connector, [("dashboard", setup.OperatorTokens[0], cursor)], 1, cancellationToken);
        if (receivers.Refused.Count > 0) throw new InvalidOperationException("The dashboard stream did not open.");
        var senders = setup.Visitors.Select((v, i) => Sender.Create(handler, target.Nodes[i % target.Nodes.Count], v.Token, v.ConversationId)).ToList();
        var traffic = new Traffic
        {
            Receivers = receivers.Receivers,
            Scopes = [null],
            Senders = senders,
            SenderOf = i => i % senders.Count,
            MaxInFlight = 1024,
        };
        return await traffic.RunAsync(tag, rate, duration, cancellationToken);
    }
}
