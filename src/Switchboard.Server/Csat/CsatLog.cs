namespace Switchboard.Server.Csat;

/// <summary>CSAT's log messages, ids 3900–3999.</summary>
static partial class CsatLog
{
    [LoggerMessage(3901, LogLevel.Debug, "Workspace {WorkspaceId}: conversation {ConversationId} resolved, rating {CsatId} requested on {Channel}")]
    public static partial void Requested(ILogger logger, long workspaceId, long conversationId, long csatId, string channel);

    [LoggerMessage(3902, LogLevel.Debug, "Workspace {WorkspaceId}: rating {CsatId} of conversation {ConversationId} given ({Rating})")]
    public static partial void Rated(ILogger logger, long workspaceId, long csatId, long conversationId, int rating);

    [LoggerMessage(3903, LogLevel.Debug, "Workspace {WorkspaceId}: WhatsApp reply {ReplyId} is no rating of an open request, ignored")]
    public static partial void ReplyIgnored(ILogger logger, long workspaceId, string replyId);
}
