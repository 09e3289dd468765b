namespace Switchboard.Server.Throttling;

/// <summary>Request limits, bound from <c>RateLimits</c> (docs/operations.md § Rate limits). Each limit is a token bucket.</summary>
public sealed class ThrottlingOptions
{
    /// <summary>Off only where all load legitimately comes from one address: a load test, a test suite.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in attempts per client address, right or wrong.</summary>
    public RateLimit LoginPerAddress { get; set; } = new() { Permits = 30, Period = TimeSpan.FromMinutes(1) };

    /// <summary>Wrong passwords for one account before each further one locks it for a growing delay (1 s, 2 s, 4 s, …).</summary>
    public int LoginFailuresPerAccount { get; set; } = 5;

    /// <summary>Wrong passwords from one address (any accounts) before the same growing delay applies to the address.</summary>
    public int LoginFailuresPerAddress { get; set; } = 20;

    /// <summary>The longest delay a run of wrong passwords earns.</summary>
    public TimeSpan LoginMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>New widget sessions (each may create a contact) per client address.</summary>
    public RateLimit WidgetSessionsPerAddress { get; set; } = new() { Permits = 20, Period = TimeSpan.FromMinutes(1) };

    /// <summary>Messages one visitor may post.</summary>
    public RateLimit MessagesPerVisitor { get; set; } = new() { Permits = 30, Period = TimeSpan.FromMinutes(1) };

    /// <summary>Messages one API key (an integration or an external bot) may post.</summary>
    public RateLimit MessagesPerKey { get; set; } = new() { Permits = 600, Period = TimeSpan.FromMinutes(1) };

    /// <summary>Page reports one visitor's widget may send (one per navigation; a single-page app can navigate often).</summary>
    public RateLimit PageReportsPerVisitor { get; set; } = new() { Permits = 30, Period = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Files one visitor uploads (each up to the workspace's size limit, so a flood is a disk and CPU cost, not only a
    /// row): a message carries at most 10, and a retried upload counts again.
    /// </summary>
    public RateLimit UploadsPerVisitor { get; set; } = new() { Permits = 30, Period = TimeSpan.FromMinutes(1) };

    public bool IsValid() =>
        PageReportsPerVisitor.IsValid() && UploadsPerVisitor.IsValid() && LoginPerAddress.IsValid() && WidgetSessionsPerAddress.IsValid() && MessagesPerVisitor.IsValid() && MessagesPerKey.IsValid()
        && LoginFailuresPerAccount >= 0 && LoginFailuresPerAddress >= 0 && LoginMaxDelay > TimeSpan.Zero;
}

/// <summary>A token bucket: up to <see cref="Permits"/> at once, refilled by as many per <see cref="Period"/>.</summary>
public sealed class RateLimit
{
    public int Permits { get; set; }
    public TimeSpan Period { get; set; }

    public bool IsValid() => Permits >= 1 && Period > TimeSpan.Zero;
}
