namespace Switchboard.Server.Snooze;

/// <summary>Snooze's log messages, ids 3400–3499.</summary>
static partial class SnoozeLog
{
    [LoggerMessage(3401, LogLevel.Debug, "Workspace {WorkspaceId}: conversation {ConversationId} snoozed (until {UntilMs}, 0 = until the customer writes)")]
    public static partial void Snoozed(ILogger logger, long workspaceId, long conversationId, long untilMs);

    [LoggerMessage(3402, LogLevel.Debug, "Workspace {WorkspaceId}: conversation {ConversationId} unsnoozed by a member")]
    public static partial void Unsnoozed(ILogger logger, long workspaceId, long conversationId);

    [LoggerMessage(3403, LogLevel.Information, "Workspace {WorkspaceId}: conversation {ConversationId} woke, its snooze ended")]
    public static partial void Woken(ILogger logger, long workspaceId, long conversationId);

    [LoggerMessage(3404, LogLevel.Debug, "Workspace {WorkspaceId}: wake job for conversation {ConversationId} found a newer snooze or none, nothing to do")]
    public static partial void WakeSuperseded(ILogger logger, long workspaceId, long conversationId);
}
