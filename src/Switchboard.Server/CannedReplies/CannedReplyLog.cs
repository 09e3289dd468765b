namespace Switchboard.Server.CannedReplies;

/// <summary>Canned reply log messages (event ids 3501–3599). Ids and scopes only, never a reply's text.</summary>
static partial class CannedReplyLog
{
    [LoggerMessage(3501, LogLevel.Debug, "Workspace {WorkspaceId}: {Scope} canned reply {ReplyId} created")]
    public static partial void Created(ILogger logger, long workspaceId, long replyId, string scope);

    [LoggerMessage(3502, LogLevel.Debug, "Workspace {WorkspaceId}: {Scope} canned reply {ReplyId} changed to version {Version}")]
    public static partial void Updated(ILogger logger, long workspaceId, long replyId, string scope, long version);

    [LoggerMessage(3503, LogLevel.Debug, "Workspace {WorkspaceId}: {Scope} canned reply {ReplyId} deleted")]
    public static partial void Deleted(ILogger logger, long workspaceId, long replyId, string scope);
}
