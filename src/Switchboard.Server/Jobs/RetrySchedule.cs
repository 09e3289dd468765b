namespace Switchboard.Server.Jobs;

/// <summary>
/// Exponential backoff with jitter as data: attempt n waits <c>base · 2^(n-1)</c>, capped, spread by ±jitter.
/// A jitter below one third keeps every delay longer than the one before it.
/// </summary>
public sealed record RetrySchedule(TimeSpan BaseDelay, TimeSpan MaxDelay, double Jitter)
{
    public static RetrySchedule From(JobsOptions o) => new(o.BaseDelay, o.MaxDelay, o.Jitter);

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based). <paramref name="random"/> is in [0, 1).</summary>
    public TimeSpan DelayAfter(int attempt, double random)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var ms = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        var spread = 1 + Jitter * (2 * random - 1);
        return TimeSpan.FromMilliseconds(Math.Max(0, ms * spread));
    }
}
