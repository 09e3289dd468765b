namespace Switchboard.Server.Realtime;

/// <summary>A token bucket for what one connection may send (typing, receipts): a burst, then a steady rate.</summary>
public sealed class SignalRateLimiter(TimeProvider clock, double perSecond, int burst)
{
    double tokens = burst;
    long last = clock.GetTimestamp();

    /// <summary>Takes a token if one is left. Called from the connection's single receive loop, so no locking.</summary>
    public bool TryTake()
    {
        var now = clock.GetTimestamp();
        tokens = Math.Min(burst, tokens + clock.GetElapsedTime(last, now).TotalSeconds * perSecond);
        last = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    /// <summary>How long until the next token, after a refused <see cref="TryTake"/>.</summary>
    public TimeSpan UntilNext => tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - tokens) / perSecond);
}
