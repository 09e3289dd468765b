namespace Switchboard.Server.Widget;

static partial class WidgetLog
{
    [LoggerMessage(2801, LogLevel.Information, "Workspace {WorkspaceId}: widget settings of inbox {InboxId} changed")]
    public static partial void SettingsChanged(ILogger logger, long workspaceId, long inboxId);

    [LoggerMessage(2802, LogLevel.Information, "Workspace {WorkspaceId}: identity secret of inbox {InboxId} rotated")]
    public static partial void SecretRotated(ILogger logger, long workspaceId, long inboxId);

    [LoggerMessage(2803, LogLevel.Debug, "Workspace {WorkspaceId}: conversation {ConversationId} got the closed-hours reply")]
    public static partial void ClosedReply(ILogger logger, long workspaceId, long conversationId);
}
