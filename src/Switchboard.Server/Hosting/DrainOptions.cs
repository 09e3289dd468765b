namespace Switchboard.Server.Hosting;

/// <summary>Bound from <c>Drain</c>.</summary>
public sealed class DrainOptions
{
    /// <summary>
    /// How long a stopping node keeps listening with <c>/readyz</c> at 503 before it stops accepting connections: time
    /// for a balancer that probes <c>/readyz</c> to take it out, so no request meets a closed port. Zero (the default)
    /// suits balancers that only notice refused connections (open-source nginx). Counts against the host's
    /// <c>shutdownTimeoutSeconds</c>, which must leave time for in-flight requests after it.
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;
}
