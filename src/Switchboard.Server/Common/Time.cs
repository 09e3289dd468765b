namespace Switchboard.Server.Common;

/// <summary>Timestamps are stored as Unix milliseconds in both databases.</summary>
public static class Time
{
    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? FromMs(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;

    public static long? ToMs(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();
}
