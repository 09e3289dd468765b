namespace Switchboard.Bench.Load;

/// <summary>
/// One measured burst of traffic: senders post at a fixed rate while already-connected receivers stream; then every
/// receiver is awaited (bounded) up to the last seq it should see, and deliveries are checked and timed.
/// </summary>
public sealed class Traffic
{
    /// <summary>How long receivers may take, after the last send, to show everything they should.</summary>
    static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    public required IReadOnlyList<Receiver> Receivers { get; init; }
    /// <summary>The conversation each receiver is limited to (a visitor), or null for a dashboard that sees everything.</summary>
    public required IReadOnlyList<long?> Scopes { get; init; }
    /// <summary>
    /// Whether receiver r should see what a sender posts, when scopes are not enough (a dashboard of one of several
    /// workspaces); seqs then repeat across receivers of different workspaces.
    /// </summary>
    public Func<int, Sender, bool>? Sees { get; init; }
    public required IReadOnlyList<Sender> Senders { get; init; }
    /// <summary>Which sender posts message i.</summary>
    public required Func<int, int> SenderOf { get; init; }
    /// <summary>The receiver that is "the other side" of message i, whose arrival times the end-to-end latency, or -1.</summary>
    public Func<int, int> OtherSideOf { get; init; } = _ => -1;
    public int MaxInFlight { get; init; } = 512;
    /// <summary>The server process's CPU time so far (user + system), when this run started the server; else null.</summary>
    public Func<TimeSpan?> ServerCpu { get; init; } = () => null;

    public async Task<TrafficResult> RunAsync(string tag, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        // A fresh suffix per burst: a clientMessageId seen before would be answered, rightly, as a replay.
        var ids = $"{tag}-{Guid.NewGuid().ToString("N")[..8]}";
        var cpuBefore = ServerCpu();
        var log = await OpenLoop.RunAsync(rate, duration, MaxInFlight, (i, ct) => Senders[SenderOf(i)].SendAsync(ids, i, ct), cancellationToken);

        // Per receiver, the messages (by index) it should see; their seqs are unique within that receiver's workspace.
        var expected = new List<int>[Receivers.Count];
        for (var r = 0; r < Receivers.Count; r++)
        {
            expected[r] = [];
            for (var i = 0; i < log.Issued; i++)
                if (log.Seq[i] > 0 && ShouldSee(r, Senders[SenderOf(i)])) expected[r].Add(i);
        }
        var drained = await DrainAsync(expected.Select(e => e.Select(i => log.Seq[i]).ToList()).ToArray(), cancellationToken);
        // Everything the server spent on this burst (requests, commits, deliveries), per message it accepted: a figure
        // that, unlike latency, barely moves when something else shares the machine.
        double? cpuMsPerMessage = cpuBefore is { } before && log.Issued - log.Failed > 0
            ? (ServerCpu()!.Value - before).TotalMilliseconds / (log.Issued - log.Failed)
            : null;

        var arrivals = Receivers.Select(r => r.Arrivals()).ToArray();
        var check = DeliveryCheck.Of(Receivers, r => expected[r].Select(i => log.Seq[i]));

        var otherSide = new List<double>(log.Issued);
        for (var i = 0; i < log.Issued; i++)
            if (OtherSideOf(i) is var r and >= 0 && log.Seq[i] > 0 && arrivals[r].TryGetValue(log.Seq[i], out var at)) otherSide.Add(Clock.Ms(log.Start[i], at));

        // Every delivery of every message to every receiver: the fan-out view.
        var all = new List<double>();
        long first = long.MaxValue, last = long.MinValue;
        for (var r = 0; r < Receivers.Count; r++)
            foreach (var i in expected[r])
                if (arrivals[r].TryGetValue(log.Seq[i], out var at))
                {
                    var start = log.Start[i];
                    all.Add(Clock.Ms(start, at));
                    first = Math.Min(first, start);
                    last = Math.Max(last, at);
                }
        var deliveriesPerSecond = all.Count > 0 && last > first ? all.Count / (Clock.Ms(first, last) / 1000.0) : 0;
        return new TrafficResult(log, check, Percentiles.Of(otherSide), Percentiles.Of(all), Percentiles.Of(log.PostLatenciesMs()), deliveriesPerSecond, drained)
            { ServerCpuMsPerMessage = cpuMsPerMessage };
    }

    bool ShouldSee(int receiver, Sender sender) =>
        Sees?.Invoke(receiver, sender) ?? (Scopes[receiver] is null || Scopes[receiver] == sender.ConversationId);

    async Task<bool> DrainAsync(List<long>[] expected, CancellationToken cancellationToken)
    {
        var waits = Receivers.Select((receiver, r) => expected[r].Count == 0 ? Task.CompletedTask : receiver.WaitForAsync(expected[r].Max()));
        try
        {
            await Task.WhenAll(waits).WaitAsync(DrainTimeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false; // What never arrived is counted as lost.
        }
    }
}

/// <summary>What a burst of traffic showed.</summary>
public sealed record TrafficResult(SendLog Log, DeliveryCheck Check, Percentiles EndToEnd, Percentiles Deliveries, Percentiles Post, double DeliveriesPerSecond, bool Drained)
{
    /// <summary>Server CPU time (ms) per accepted message over the burst and its drain; null when the server runs elsewhere.</summary>
    public double? ServerCpuMsPerMessage { get; init; }

    /// <summary>
    /// The rate held: at least 95 % of the scheduled messages per second, no failed send, nothing lost, and the
    /// scenario's chosen <paramref name="latency"/> p99 under <paramref name="p99LimitMs"/>.
    /// </summary>
    public bool Sustained(double rate, Percentiles latency, double p99LimitMs) =>
        Log.Failed == 0 && Log.AchievedRate >= 0.95 * rate && latency.P99 < p99LimitMs && Check.Lost == 0;
}
