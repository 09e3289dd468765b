namespace Switchboard.Server.Stats;

/// <summary>Nearest-rank percentiles: always an observed value, and the same inputs give the same result on every database.</summary>
public static class Percentiles
{
    public static long? Of(IReadOnlyList<long> values, int percentile)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
