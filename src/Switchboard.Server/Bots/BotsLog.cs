namespace Switchboard.Server.Bots;

/// <summary>Bot log messages (event ids 2501–2599). Ids, kinds and counts only: never message text, prompts or secrets.</summary>
static partial class BotsLog
{
    [LoggerMessage(2501, LogLevel.Debug, "Bot skips message {MessageId} in conversation {ConversationId}: {Why}")]
    public static partial void Skipped(ILogger logger, long conversationId, long messageId, string why);

    [LoggerMessage(2502, LogLevel.Information, "Bot ({Engine}) answered conversation {ConversationId} in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, long conversationId, string engine, long elapsedMs);

    [LoggerMessage(2503, LogLevel.Information, "Bot ({Engine}) hands off conversation {ConversationId}: {Cause}")]
    public static partial void HandingOff(ILogger logger, long conversationId, string engine, string cause);

    [LoggerMessage(2504, LogLevel.Information, "Bot reply to conversation {ConversationId} dropped: the bot was switched off before it was stored")]
    public static partial void TakeoverWon(ILogger logger, long conversationId);

    [LoggerMessage(2505, LogLevel.Warning, "Bot engine {Engine} failed in conversation {ConversationId} ({ErrorType})")]
    public static partial void EngineFailed(ILogger logger, long conversationId, string engine, string errorType, Exception exception);

    [LoggerMessage(2506, LogLevel.Information, "Bot engine {Engine} timed out after {TimeoutMs} ms in conversation {ConversationId}")]
    public static partial void EngineTimedOut(ILogger logger, long conversationId, string engine, long timeoutMs);

    [LoggerMessage(2507, LogLevel.Debug, "External bot notified of message {MessageId} in conversation {ConversationId} (HTTP {StatusCode})")]
    public static partial void ExternalNotified(ILogger logger, long conversationId, long messageId, int statusCode);

    [LoggerMessage(2508, LogLevel.Debug, "Knowledge base of workspace {WorkspaceId} rebuilt at FAQ revision {Revision} with {Count} entries")]
    public static partial void IndexBuilt(ILogger logger, long workspaceId, long revision, int count);

    [LoggerMessage(2509, LogLevel.Warning, "A stored bot secret of workspace {WorkspaceId} cannot be decrypted (the key ring lacks its key); treating it as unset")]
    public static partial void SecretUnreadable(ILogger logger, long workspaceId, Exception exception);

    [LoggerMessage(2510, LogLevel.Debug, "Bot greeted conversation {ConversationId}")]
    public static partial void Greeted(ILogger logger, long conversationId);

    [LoggerMessage(2511, LogLevel.Information, "Sentence embedding model {Model} loaded in {ElapsedMs} ms")]
    public static partial void EmbedderLoaded(ILogger logger, string model, long elapsedMs);

    [LoggerMessage(2512, LogLevel.Debug, "Knowledge base of workspace {WorkspaceId}: {Count} texts embedded with {Model}, {Pruned} stale vectors removed")]
    public static partial void Embedded(ILogger logger, long workspaceId, int count, string model, int pruned);

    [LoggerMessage(2513, LogLevel.Information, "Bot write {ClientMessageId} in conversation {ConversationId} dropped: what the bot decided on changed before it could be stored")]
    public static partial void Outdated(ILogger logger, long conversationId, string clientMessageId);
}
