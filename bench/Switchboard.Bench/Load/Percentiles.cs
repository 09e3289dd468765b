namespace Switchboard.Bench.Load;

/// <summary>Latency percentiles in milliseconds over every sample (no histogram buckets: runs are short enough to keep all).</summary>
public sealed record Percentiles(long Count, double P50, double P95, double P99, double P999, double Max)
{
    public static readonly Percentiles Empty = new(0, 0, 0, 0, 0, 0);

    public static Percentiles Of(List<double> samplesMs)
    {
        if (samplesMs.Count == 0) return Empty;
        var sorted = samplesMs.ToArray();
        Array.Sort(sorted);
        return new Percentiles(sorted.Length, At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), At(sorted, 0.999), sorted[^1]);
    }

    // Nearest rank: the smallest sample with at least q of all samples at or below it.
    static double At(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
