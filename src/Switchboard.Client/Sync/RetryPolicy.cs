namespace Switchboard.Client.Sync;

/// <summary>
/// When to retry a write that failed in transport or with a 5xx: a schedule of delays (data, not
/// scattered sleeps) plus jitter. After the last delay the write gives up: a message shows as failed.
/// </summary>
/// <param name="DelaysMs">Delay before retry 1, 2, ... in milliseconds.</param>
/// <param name="JitterRatio">Up to this fraction of each delay is added at random, so clients do not retry in lockstep.</param>
public sealed record RetryPolicy(IReadOnlyList<int> DelaysMs, double JitterRatio = 0.2)
{
    /// <summary>The default for writes: four attempts over about 15 seconds.</summary>
    public static RetryPolicy Default { get; } = new([1000, 4000, 10000]);

    /// <summary>The delay before retry number <paramref name="retry"/> (1-based), or null when the budget is spent.</summary>
    public TimeSpan? DelayBefore(int retry, Random random)
    {
        if (retry < 1 || retry > DelaysMs.Count) return null;
        var baseMs = DelaysMs[retry - 1];
        return TimeSpan.FromMilliseconds(baseMs + baseMs * JitterRatio * random.NextDouble());
    }
}
