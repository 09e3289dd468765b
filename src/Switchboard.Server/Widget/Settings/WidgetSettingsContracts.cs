namespace Switchboard.Server.Widget.Settings;

/// <summary>
/// A widget inbox's settings (<c>GET/PUT /api/v1/inboxes/{id}/widget</c>; a PUT replaces them whole). Stored as JSON in
/// <c>inboxes.widget_settings</c>; an inbox that never saved any has <see cref="Defaults"/>.
/// </summary>
public sealed record WidgetSettings(
    IReadOnlyList<string>? AllowedOrigins,
    string? TeamName,
    string? AvatarUrl,
    string? Color,
    string? Position,
    string? LauncherText,
    string? Greeting,
    string? Language,
    PreChatSettings? PreChat,
    string? IdentityVerification,
    BusinessHoursSettings? BusinessHours,
    bool? BotOutsideHours)
{
    public static readonly WidgetSettings Defaults = new(
        [], null, null, "#2563eb", "right", null, null, null, new PreChatSettings("off", "off"), "off",
        new BusinessHoursSettings(false, null, [], []), true);
}

/// <summary>Which pre-chat fields the widget asks for: <c>off</c>, <c>optional</c> or <c>required</c>.</summary>
public sealed record PreChatSettings(string? Name, string? Email);

/// <summary>
/// Opening hours in <see cref="TimeZone"/> (an IANA id; null = the workspace's): weekly windows and holiday dates
/// (<c>yyyy-MM-dd</c>, closed all day). Disabled = always open.
/// </summary>
public sealed record BusinessHoursSettings(bool Enabled, string? TimeZone, IReadOnlyList<WeeklyWindow>? Weekly, IReadOnlyList<string>? Holidays);

/// <summary>One opening window: <see cref="Day"/> 0 = Sunday … 6 = Saturday, local <c>HH:mm</c> times, open before close.</summary>
public sealed record WeeklyWindow(int Day, string? Open, string? Close);

/// <summary>The rotated identity-verification secret, shown once.</summary>
public sealed record IdentitySecretResponse(string Secret);

/// <summary>The settings and the seq of the <c>inbox.updated</c> event that announced them.</summary>
public sealed record WidgetSettingsWriteResponse(long InboxId, WidgetSettings Settings, long Seq);
