namespace Switchboard.Bench.Report;

/// <summary>
/// One measured run of one scenario on one target. <see cref="Variant"/> names what was held fixed (rate,
/// transport, database), so runs of the same variant are aggregated and Switchboard is compared with the baseline.
/// </summary>
public sealed class ScenarioResult(string scenario, string target, string variant)
{
    public string Scenario { get; } = scenario;
    public string Target { get; } = target;
    public string Variant { get; } = variant;
    public Dictionary<string, double> Figures { get; } = [];
    public long Lost { get; set; }
    public long Duplicated { get; set; }
    public long OutOfOrder { get; set; }
    /// <summary>Anything else that makes the run invalid (failed requests, connections that never opened).</summary>
    public List<string> Failures { get; } = [];
    public List<string> Notes { get; } = [];

    public bool Passed => Lost == 0 && Duplicated == 0 && OutOfOrder == 0 && Failures.Count == 0;

    public ScenarioResult With(string figure, double value)
    {
        Figures[figure] = Math.Round(value, 3);
        return this;
    }

    public ScenarioResult WithLatency(string prefix, Load.Percentiles p) =>
        With(prefix + " p50 ms", p.P50).With(prefix + " p95 ms", p.P95).With(prefix + " p99 ms", p.P99).With(prefix + " p99.9 ms", p.P999).With(prefix + " max ms", p.Max);

    /// <summary>A burst's delivery counts and failed sends, which decide whether this run passed.</summary>
    public ScenarioResult Add(Load.TrafficResult traffic)
    {
        if (traffic.ServerCpuMsPerMessage is { } cpu) With("server cpu ms/msg", cpu);
        Add(traffic.Check);
        if (traffic.Log.Failed > 0) Failures.Add($"{traffic.Log.Failed} sends failed: {traffic.Log.FirstError}");
        return this;
    }

    public void Add(Load.DeliveryCheck check)
    {
        Lost += check.Lost;
        Duplicated += check.Duplicated;
        OutOfOrder += check.OutOfOrder;
        if (check.Reconnects > 0) Notes.Add($"{check.Reconnects} stream reconnect(s), resumed from their cursor");
    }
}
