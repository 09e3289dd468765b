namespace Switchboard.Server.Csat;

/// <summary>CSAT's log messages, ids 3900–3999.</summary>
static partial class CsatLog
{
    [LoggerMessage(3901, LogLevel.Debug, "Workspace {WorkspaceId}: conversation {ConversationId} resolved, rating {CsatId} requested on {Channel}")]
    public static partial void Requested(ILogger logger, long workspaceId, long conversationId, long csatId, string channel);

    [LoggerMessage(3902, LogLevel.Debug, "Workspace {WorkspaceId}: rating {CsatId} of conversation {ConversationId} given ({Rating})")]
    public static partial void Rated(ILogger logger, long workspaceId, long csatId, long conversationId, int rating);

    [LoggerMessage(3903, LogLevel.Debug, "Workspace {WorkspaceId}: a WhatsApp rating names request {CsatId}, which is not this contact's, ignored")]
    public static partial void ReplyIgnored(ILogger logger, long workspaceId, long csatId);

    [LoggerMessage(3904, LogLevel.Debug, "Workspace {WorkspaceId}: WhatsApp rating request {CsatId} sent")]
    public static partial void AskSent(ILogger logger, long workspaceId, long csatId);

    [LoggerMessage(3905, LogLevel.Warning, "Workspace {WorkspaceId}: WhatsApp refused rating request {CsatId} (HTTP {Status}, error {ErrorCode}); it stays unanswered")]
    public static partial void AskRefused(ILogger logger, long workspaceId, long csatId, int status, long? errorCode);

    [LoggerMessage(3906, LogLevel.Debug, "Workspace {WorkspaceId}: a WhatsApp rating of request {CsatId} came after its window, ignored")]
    public static partial void RatingTooLate(ILogger logger, long workspaceId, long csatId);
}
