using Switchboard.Server.Widget.Availability;
using Switchboard.Server.Widget.Settings;

namespace Switchboard.Server.Widget;

/// <summary>
/// The public configuration of a widget inbox (<c>GET /api/v1/widget/config</c>, and the public payload of
/// <c>inbox.updated</c>): its look, texts, pre-chat fields, whether identities are required, and its availability now.
/// Never the allowed origins, hours detail or secret. Null texts: the widget's own, in the visitor's language.
/// </summary>
public sealed record WidgetConfigResponse(
    long InboxId, string TeamName, string? AvatarUrl, string Color, string Position, string? LauncherText, string? Greeting, string? Language,
    PreChatSettings PreChat, string IdentityVerification, AvailabilityResponse Availability)
{
    public static WidgetConfigResponse From(WidgetInbox inbox, AvailabilityResponse availability)
    {
        var s = inbox.Settings;
        return new WidgetConfigResponse(inbox.Id, s.TeamName ?? inbox.Name, s.AvatarUrl, s.Color!, s.Position!, s.LauncherText, s.Greeting, s.Language,
            s.PreChat!, s.IdentityVerification!, availability);
    }
}
