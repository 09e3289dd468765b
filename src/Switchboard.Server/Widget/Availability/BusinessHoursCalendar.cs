using System.Globalization;
using Switchboard.Server.Widget.Settings;

namespace Switchboard.Server.Widget.Availability;

/// <summary>
/// Whether an inbox is within its business hours at an instant, and when it next opens. Windows are local wall-clock
/// times in the inbox's zone, so a 09:00 opening stays 09:00 across daylight-saving changes; an opening that falls in
/// a spring-forward gap opens when the clocks resume, and one in a fall-back overlap at its first occurrence.
/// </summary>
public static class BusinessHoursCalendar
{
    /// <summary>Far enough to step over a full year of holidays.</summary>
    const int SearchDays = 400;

    public static (bool Open, DateTimeOffset? NextOpenAt) Evaluate(BusinessHoursSettings hours, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (!hours.Enabled) return (true, null);
        var windows = hours.Weekly ?? [];
        var holidays = (hours.Holidays ?? []).ToHashSet(StringComparer.Ordinal);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var minute = local.Hour * 60 + local.Minute;
        if (!IsHoliday(holidays, today) && windows.Any(w => w.Day == (int)today.DayOfWeek && Minutes(w.Open) <= minute && minute < Minutes(w.Close)))
            return (true, null);
        for (var d = 0; d < SearchDays; d++)
        {
            var day = today.AddDays(d);
            if (IsHoliday(holidays, day)) continue;
            var next = windows.Where(w => w.Day == (int)day.DayOfWeek).Select(w => ToInstant(day, Minutes(w.Open), zone)).Where(t => t > now).Order().FirstOrDefault();
            if (next != default) return (false, next);
        }
        return (false, null);
    }

    static bool IsHoliday(HashSet<string> holidays, DateOnly day) => holidays.Contains(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    static int Minutes(string? hhmm) => WidgetSettingsValidator.Clock(hhmm, "time");

    static DateTimeOffset ToInstant(DateOnly day, int minutes, TimeZoneInfo zone)
    {
        var wall = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes);
        while (zone.IsInvalidTime(wall)) wall = wall.AddMinutes(15);
        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }
}
