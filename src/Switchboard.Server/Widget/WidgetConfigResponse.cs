using Switchboard.Server.Widget.Availability;
using Switchboard.Server.Widget.Settings;

namespace Switchboard.Server.Widget;

/// <summary>
/// The public configuration of a widget inbox (<c>GET /api/v1/widget/config</c>, and the public payload of
/// <c>inbox.updated</c>): its look, texts, pre-chat fields, whether identities are required, and its availability now.
/// <c>attachmentMaxBytes</c>: the largest file the widget may upload. Never the allowed origins, hours detail or secret. Null texts: the widget's own, in the visitor's language.
/// </summary>
public sealed record WidgetConfigResponse(
    long InboxId, string TeamName, string? AvatarUrl, string Color, string Position, string? LauncherText, string? Greeting, string? Language,
    PreChatSettings PreChat, string IdentityVerification, AvailabilityResponse Availability,
    long AttachmentMaxBytes = Core.Workspaces.WorkspaceSettings.DefaultAttachmentMaxBytes)
{
    /// <param name="attachmentMaxBytes">The workspace's limit (issue 17), so the widget refuses a larger file before uploading it.</param>
    public static WidgetConfigResponse From(WidgetInbox inbox, AvailabilityResponse availability, long attachmentMaxBytes)
    {
        var s = inbox.Settings;
        return new WidgetConfigResponse(inbox.Id, s.TeamName ?? inbox.Name, s.AvatarUrl, s.Color!, s.Position!, s.LauncherText, s.Greeting, s.Language,
            s.PreChat!, s.IdentityVerification!, availability, attachmentMaxBytes);
    }
}
