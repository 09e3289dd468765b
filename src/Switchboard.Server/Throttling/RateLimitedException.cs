namespace Switchboard.Server.Throttling;

/// <summary>Thrown by a handler that throttles by itself (sign-in delays): answered <c>429 rate_limited</c> with <c>Retry-After</c>.</summary>
public sealed class RateLimitedException(TimeSpan retryAfter, string message) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
