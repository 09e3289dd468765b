namespace Switchboard.Server.Stats;

/// <summary>Bound from the <c>Stats</c> section.</summary>
public sealed class StatsOptions
{
    /// <summary>How often the closing job looks for local days that ended (so a day closes at most this long after midnight).</summary>
    public TimeSpan CloseInterval { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>How far back the closing job catches up on days it missed (a node that was down).</summary>
    public int CatchUpDays { get; set; } = 31;
    /// <summary>The longest range one query may ask for.</summary>
    public int MaxRangeDays { get; set; } = 366;
}
