using Switchboard.Core.Workspaces;

namespace Switchboard.Server.Workspaces;

public sealed record WorkspaceResponse(long Id, string Name, WorkspaceSettingsDto Settings, long Cursor);

/// <summary>Workspace settings on the wire; durations in seconds, <c>attachmentMaxBytes</c> the largest file accepted.</summary>
public sealed record WorkspaceSettingsDto(
    string TimeZone, bool ReleaseOnReply, ReopenTarget ReopenTo, AssignmentPolicy AssignmentPolicy,
    long IdleTimeoutSeconds, long EventRetentionSeconds, bool BotEnabled, bool CsatEnabled, long AttachmentMaxBytes)
{
    public static WorkspaceSettingsDto From(WorkspaceSettings s) => new(
        s.TimeZone, s.ReleaseOnReply, s.ReopenTo, s.AssignmentPolicy, (long)s.IdleTimeout.TotalSeconds, (long)s.EventRetention.TotalSeconds, s.BotEnabled, s.CsatEnabled,
        s.AttachmentMaxBytes);
}

/// <summary>Change settings: absent fields stay as they are.</summary>
public sealed record PatchWorkspaceRequest(
    string? Name, string? TimeZone, bool? ReleaseOnReply, string? ReopenTo, string? AssignmentPolicy,
    long? IdleTimeoutSeconds, long? EventRetentionSeconds, bool? BotEnabled, bool? CsatEnabled = null, long? AttachmentMaxBytes = null);
