namespace Switchboard.Server.WhatsApp;

// Media in and out (issue 17): event ids 4100-4199.
static partial class WhatsAppLog
{
    [LoggerMessage(4101, LogLevel.Debug, "WhatsApp inbox {InboxId}: message {MessageId} part {Part} uploaded to the Graph API")]
    public static partial void MediaUploaded(ILogger logger, long inboxId, long messageId, int part);

    [LoggerMessage(4102, LogLevel.Debug, "WhatsApp inbox {InboxId}: attachment {AttachmentId} queued for download (message {MessageId})")]
    public static partial void DownloadQueued(ILogger logger, long inboxId, long attachmentId, long messageId);

    [LoggerMessage(4103, LogLevel.Debug, "WhatsApp inbox {InboxId}: attachment {AttachmentId} downloaded ({Bytes} bytes, now {Status})")]
    public static partial void Downloaded(ILogger logger, long inboxId, long attachmentId, long bytes, string status);

    [LoggerMessage(4104, LogLevel.Warning, "WhatsApp inbox {InboxId}: attachment {AttachmentId} not downloaded on attempt {Attempt} ({Reason}); will retry")]
    public static partial void DownloadRetry(ILogger logger, long inboxId, long attachmentId, int attempt, string reason);

    [LoggerMessage(4105, LogLevel.Error, "WhatsApp inbox {InboxId}: attachment {AttachmentId} not downloaded after {Attempts} attempts ({Reason}); marked failed")]
    public static partial void DownloadGaveUp(ILogger logger, long inboxId, long attachmentId, int attempts, string reason);

    [LoggerMessage(4106, LogLevel.Warning, "WhatsApp inbox {InboxId}: attachment {AttachmentId} cannot be downloaded ({Reason}); marked failed")]
    public static partial void DownloadRefused(ILogger logger, long inboxId, long attachmentId, string reason);

    [LoggerMessage(4107, LogLevel.Warning, "WhatsApp cleanup: {Count} attachments left pending by dead download jobs marked failed")]
    public static partial void StrandedFailed(ILogger logger, int count);
}
