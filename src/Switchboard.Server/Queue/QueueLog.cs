namespace Switchboard.Server.Queue;

static partial class QueueLog
{
    [LoggerMessage(2101, LogLevel.Debug, "Workspace {WorkspaceId}: member {MemberId} claimed conversation {ConversationId}")]
    public static partial void Claimed(ILogger logger, long workspaceId, long conversationId, long memberId);

    [LoggerMessage(2102, LogLevel.Debug, "Workspace {WorkspaceId}: conversation {ConversationId} handed off to the queue")]
    public static partial void HandedOff(ILogger logger, long workspaceId, long conversationId);

    [LoggerMessage(2103, LogLevel.Debug, "Workspace {WorkspaceId}: auto-assigned {Count} conversations")]
    public static partial void AutoAssigned(ILogger logger, long workspaceId, int count);
}
