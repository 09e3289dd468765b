using System.Globalization;

namespace Switchboard.Server.Stats;

/// <summary>
/// A workspace's local calendar day as an instant range [start, end). Days around a DST change are 23 or 25 hours
/// long; where local midnight does not exist the day starts at the first local time that does, and where it
/// happens twice, at the first.
/// </summary>
public static class LocalDay
{
    public const string Format = "yyyy-MM-dd";

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    public static (DateTimeOffset Start, DateTimeOffset End) Bounds(DateOnly day, TimeZoneInfo zone) => (StartOf(day, zone), StartOf(day.AddDays(1), zone));

    public static string Text(DateOnly day) => day.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>
    /// The local days a statistics query covers: <paramref name="from"/>..<paramref name="to"/> (defaults: the 7 days up to
    /// today); a malformed date, a reversed range or one longer than <paramref name="maxDays"/> is a 400.
    /// </summary>
    public static (DateOnly First, DateOnly Last) Period(string? from, string? to, DateOnly today, int maxDays)
    {
        var last = to is null ? today : ParseField(to, "to");
        var first = from is null ? last.AddDays(-6) : ParseField(from, "from");
        if (first > last) throw new Core.DomainException("range_invalid", "from must not be after to.", Core.DomainErrorKind.Invalid);
        if (last.DayNumber - first.DayNumber + 1 > maxDays)
            throw new Core.DomainException("range_invalid", $"A query covers at most {maxDays} days.", Core.DomainErrorKind.Invalid);
        return (first, last);
    }

    static DateOnly ParseField(string text, string field) => TryParse(text, out var day)
        ? day
        : throw new Core.DomainException($"{field}_invalid", $"{field} must be a date such as 2025-03-30.", Core.DomainErrorKind.Invalid);

    static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Skipped midnights (a few zones spring forward at 00:00): step to the first minute that exists.
        for (var i = 0; i < 24 * 60 && zone.IsInvalidTime(local); i++) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
