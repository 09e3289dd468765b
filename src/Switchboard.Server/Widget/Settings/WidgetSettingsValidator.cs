using System.Globalization;
using Switchboard.Core;

namespace Switchboard.Server.Widget.Settings;

/// <summary>
/// Checks a full replacement of a widget inbox's settings and returns them normalized (origins in canonical form,
/// absent parts filled from the defaults). The first problem found answers <c>400 validation</c>, naming the field.
/// </summary>
public static class WidgetSettingsValidator
{
    public const string Code = "validation";
    public const int MaxOrigins = 50;
    public static readonly string[] Languages = ["en", "de", "fr", "es", "pt", "ar"];
    static readonly string[] FieldModes = ["off", "optional", "required"];

    public static WidgetSettings Validate(WidgetSettings? input)
    {
        if (input is null) throw Invalid("body", "must be the widget settings object.");
        var d = WidgetSettings.Defaults;
        var origins = input.AllowedOrigins ?? [];
        if (origins.Count > MaxOrigins) throw Invalid("allowedOrigins", $"At most {MaxOrigins} allowed origins.");
        var canonical = origins.Select((o, i) => OriginPattern.Parse(o)?.ToString()
            ?? throw Invalid($"allowedOrigins[{i}]", "must be an origin such as https://shop.example.com or https://*.example.com (scheme and host, no path).")).Distinct().ToList();
        var color = input.Color ?? d.Color!;
        if (color.Length != 7 || color[0] != '#' || !color.Skip(1).All(char.IsAsciiHexDigit)) throw Invalid("color", "must be a colour as #RRGGBB.");
        var position = OneOf(input.Position ?? d.Position!, "position", "right", "left");
        var language = input.Language is null ? null : OneOf(input.Language, "language", Languages);
        var avatar = Text(input.AvatarUrl, 500, "avatarUrl");
        if (avatar is not null && !(Uri.TryCreate(avatar, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            throw Invalid("avatarUrl", "must be an absolute http(s) URL.");
        var preChat = input.PreChat ?? d.PreChat!;
        return new WidgetSettings(
            canonical, Text(input.TeamName, 100, "teamName"), avatar, color.ToLowerInvariant(), position,
            Text(input.LauncherText, 60, "launcherText"), Text(input.Greeting, 500, "greeting"), language,
            new PreChatSettings(OneOf(preChat.Name ?? "off", "preChat.name", FieldModes), OneOf(preChat.Email ?? "off", "preChat.email", FieldModes)),
            OneOf(input.IdentityVerification ?? d.IdentityVerification!, "identityVerification", FieldModes),
            Hours(input.BusinessHours ?? d.BusinessHours!), input.BotOutsideHours ?? d.BotOutsideHours);
    }

    static BusinessHoursSettings Hours(BusinessHoursSettings h)
    {
        if (h.TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(h.TimeZone, out _))
            throw Invalid("businessHours.timeZone", "must be an IANA time zone such as Europe/Berlin, or null for the workspace's.");
        var weekly = h.Weekly ?? [];
        if (weekly.Count > 50) throw Invalid("businessHours.weekly", "At most 50 opening windows.");
        var windows = weekly.Select((w, i) =>
        {
            var field = $"businessHours.weekly[{i}]";
            if (w.Day is < 0 or > 6) throw Invalid(field + ".day", "must be 0 (Sunday) to 6 (Saturday).");
            var open = Clock(w.Open, field + ".open");
            var close = Clock(w.Close, field + ".close");
            if (open >= close) throw Invalid(field, "open must be before close (a window past midnight is two windows).");
            return new WeeklyWindow(w.Day, Format(open), Format(close));
        }).ToList();
        var holidays = h.Holidays ?? [];
        if (holidays.Count > 366) throw Invalid("businessHours.holidays", "At most 366 holidays.");
        var days = holidays.Select((text, i) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : throw Invalid($"businessHours.holidays[{i}]", "must be a date as yyyy-MM-dd.")).Distinct().Order(StringComparer.Ordinal).ToList();
        return new BusinessHoursSettings(h.Enabled, h.TimeZone, windows, days);
    }

    /// <summary>Minutes after midnight of <c>HH:mm</c>; <c>24:00</c> closes at the end of the day.</summary>
    public static int Clock(string? text, string field)
    {
        if (text is { Length: 5 } && text[2] == ':' && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60 && (h < 24 || (h == 24 && m == 0)))
            return h * 60 + m;
        throw Invalid(field, "must be a time as HH:mm (00:00 to 24:00).");
    }

    static string Format(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    static string? Text(string? value, int max, string field)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        return v.Length <= max ? v : throw Invalid(field, $"must be at most {max} characters.");
    }

    static string OneOf(string value, string field, params string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal) ? value : throw Invalid(field, $"must be one of {string.Join(", ", allowed)}.");

    public static DomainException Invalid(string field, string detail) => new(Code, $"{field} {detail}", DomainErrorKind.Invalid);
}
