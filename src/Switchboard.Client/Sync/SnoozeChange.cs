namespace Switchboard.Client.Sync;

/// <summary>
/// A snooze change (docs/api.md, "Snooze"): until an instant, until the customer writes, or <see cref="Wake"/> (unsnooze,
/// which also dismisses a wake marker). A customer message wakes any snooze.
/// </summary>
public sealed record SnoozeChange
{
    SnoozeChange(DateTimeOffset? until, bool untilReply) => (Until, UntilReply) = (until, untilReply);

    /// <summary>The instant it wakes, for a timed snooze.</summary>
    public DateTimeOffset? Until { get; }
    /// <summary>Sleeps until the customer writes.</summary>
    public bool UntilReply { get; }
    /// <summary>Neither: wake now / dismiss the marker.</summary>
    public bool IsWake => Until is null && !UntilReply;

    /// <summary>Snooze until <paramref name="until"/> (the server keeps milliseconds).</summary>
    public static SnoozeChange At(DateTimeOffset until) => new(until, false);

    /// <summary>Snooze until the customer writes.</summary>
    public static SnoozeChange UntilCustomerReplies { get; } = new(null, true);

    /// <summary>Unsnooze, or dismiss the wake marker.</summary>
    public static SnoozeChange Wake { get; } = new(null, false);
}
