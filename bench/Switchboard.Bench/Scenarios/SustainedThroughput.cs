using Switchboard.Bench.Load;
using Switchboard.Bench.Report;
using Switchboard.Bench.Storage;
using Switchboard.Bench.Targets;

namespace Switchboard.Bench.Scenarios;

/// <summary>
/// Scenario 2: the highest persisted message rate whose POST p99 (start of the request to the server's answer,
/// given only after commit) stays under the limit. Visitors in many conversations write; one dashboard streams
/// everything so loss and order are checked too. The same run measures the database's own single-row commit rate.
/// With <c>--workspaces N</c> Switchboard's conversations are spread over N workspaces writing at once, each with its
/// own dashboard (the baselines have no workspaces and run as usual).
/// </summary>
public static class SustainedThroughput
{
    const int Conversations = 100;

    public static async Task RunAsync(BenchOptions options, BenchPaths paths, ResultBook book, CancellationToken cancellationToken)
    {
        var variant = options.Workspaces > 1 ? $"{options.Deployment}, {options.Workspaces} workspaces" : options.Deployment;
        foreach (var run in Enumerable.Range(1, options.Runs))
        {
            var commits = await RawCommits.MeasureAsync(options, paths, options.Smoke ? 500 : 20_000, cancellationToken);
            book.Add(new ScenarioResult("sustained-throughput", "raw-" + options.Database, variant).With("max rate/s", commits));

            foreach (var targetName in options.Targets)
            {
                await using var target = await TargetFactory.StartAsync(targetName, paths, options, cancellationToken);
                var setup = await SetUpAsync(target, options, paths, cancellationToken);
                using var connector = new StreamConnector(target.Nodes, options.Transports[0]);
                using var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
                if (options.Smoke)
                {
                    book.Add(Describe(await MeasureAsync(setup, connector, handler, "smoke", options.Rates![0], TimeSpan.FromSeconds(options.Seconds), cancellationToken), targetName, variant, options.Rates![0]));
                    continue;
                }
                // Ten seconds of traffic first: the runtime's tiered JIT is still recompiling hot paths for a while after start.
                await MeasureAsync(setup, connector, handler, $"warm{run}", 300, TimeSpan.FromSeconds(10), cancellationToken);
                var (max, best) = await RateSearch.RunAsync(500, 60_000, async rate =>
                {
                    var result = await MeasureAsync(setup, connector, handler, $"t{run}-{rate}", rate, TimeSpan.FromSeconds(Math.Min(options.Seconds, 5)), cancellationToken);
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

    /// <summary>One set-up per workspace: the first is the target's own, the rest are created for this run.</summary>
    static async Task<IReadOnlyList<(IBenchTarget Workspace, BenchSetup Setup)>> SetUpAsync(IBenchTarget target, BenchOptions options, BenchPaths paths, CancellationToken cancellationToken)
    {
        var conversations = options.Smoke ? 5 : Conversations;
        if (options.Workspaces == 1 || target is not SwitchboardTarget switchboard)
            return [(target, await target.SetUpAsync(1, conversations, cancellationToken))];
        IReadOnlyList<IBenchTarget> workspaces = [switchboard, .. await switchboard.CreateWorkspacesAsync(paths, options.Workspaces - 1, cancellationToken)];
        var perWorkspace = Math.Max(2, conversations / options.Workspaces);
        var setups = new List<(IBenchTarget, BenchSetup)>();
        foreach (var workspace in workspaces) setups.Add((workspace, await workspace.SetUpAsync(1, perWorkspace, cancellationToken)));
        return setups;
    }

    static async Task<TrafficResult> MeasureAsync(IReadOnlyList<(IBenchTarget Workspace, BenchSetup Setup)> setups, StreamConnector connector, HttpMessageHandler handler,
        string tag, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var dashboards = new List<(string, string, long)>();
        foreach (var (workspace, setup) in setups) dashboards.Add(("dashboard", setup.OperatorTokens[0], await workspace.CursorAsync(setup, cancellationToken)));
        await using var receivers = await ReceiverSet.OpenAsync(connector, dashboards, 1, cancellationToken);
        if (receivers.Refused.Count > 0) throw new InvalidOperationException("A dashboard stream did not open.");
        var nodes = setups[0].Workspace.Nodes;
        // Conversation ids are unique across workspaces: each names the dashboard (workspace) that must see it.
        var workspaceOf = new Dictionary<long, int>();
        var senders = new List<Sender>();
        for (var w = 0; w < setups.Count; w++)
            foreach (var v in setups[w].Setup.Visitors)
            {
                workspaceOf[v.ConversationId] = w;
                senders.Add(Sender.Create(handler, nodes[senders.Count % nodes.Count], v.Token, v.ConversationId));
            }
        var traffic = new Traffic
        {
            Receivers = receivers.Receivers,
            Scopes = [.. dashboards.Select(_ => (long?)null)],
            Sees = (r, sender) => workspaceOf[sender.ConversationId] == r,
            Senders = senders,
            SenderOf = i => i % senders.Count,
            MaxInFlight = 1024,
            ServerCpu = setups[0].Workspace.ServerCpu,
        };
        return await traffic.RunAsync(tag, rate, duration, cancellationToken);
    }
}
