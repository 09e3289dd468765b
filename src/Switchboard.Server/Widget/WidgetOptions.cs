namespace Switchboard.Server.Widget;

/// <summary>Bound from the <c>Widget</c> section.</summary>
public sealed class WidgetOptions
{
    /// <summary>
    /// How long a node trusts its cached copy of an inbox's widget settings. A change drops every node's copy at once
    /// (<see cref="WidgetInboxCache"/>); this bounds what no notification covers, such as a row edited by hand.
    /// </summary>
    public TimeSpan SettingsCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a browser may cache a preflight answer (<c>Access-Control-Max-Age</c>).</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}
