namespace Switchboard.Server.WhatsApp;

static partial class WhatsAppLog
{
    [LoggerMessage(2701, LogLevel.Warning, "WhatsApp inbox {InboxId}: webhook refused, signature missing or wrong")]
    public static partial void SignatureRejected(ILogger logger, long inboxId);

    [LoggerMessage(2702, LogLevel.Debug, "WhatsApp inbox {InboxId}: webhook {WebhookId} stored ({Bytes} bytes)")]
    public static partial void WebhookStored(ILogger logger, long inboxId, long webhookId, int bytes);

    [LoggerMessage(2703, LogLevel.Warning, "WhatsApp webhook {WebhookId} is not a Cloud API payload; skipped")]
    public static partial void PayloadUnreadable(ILogger logger, long webhookId);

    [LoggerMessage(2704, LogLevel.Information, "WhatsApp webhook {WebhookId}: no inbox of this workspace and app has phone number id {PhoneNumberId}; change skipped")]
    public static partial void UnknownNumber(ILogger logger, long webhookId, string phoneNumberId);

    [LoggerMessage(2705, LogLevel.Debug, "WhatsApp inbox {InboxId}: stored inbound message {MessageId} of kind {Kind} (replayed: {Replayed})")]
    public static partial void InboundStored(ILogger logger, long inboxId, long messageId, string kind, bool replayed);

    [LoggerMessage(2706, LogLevel.Debug, "WhatsApp inbox {InboxId}: message {MessageId} status {From} -> {To}")]
    public static partial void StatusApplied(ILogger logger, long inboxId, long messageId, string from, string to);

    [LoggerMessage(2707, LogLevel.Debug, "WhatsApp inbox {InboxId}: status {Status} for an unknown wamid kept until its send is recorded")]
    public static partial void StatusKept(ILogger logger, long inboxId, string status);

    [LoggerMessage(2708, LogLevel.Debug, "WhatsApp inbox {InboxId}: message {MessageId} sent")]
    public static partial void Sent(ILogger logger, long inboxId, long messageId);

    [LoggerMessage(2709, LogLevel.Warning, "WhatsApp inbox {InboxId}: message {MessageId} refused by the Graph API with HTTP {StatusCode}, error code {ErrorCode}")]
    public static partial void SendRefused(ILogger logger, long inboxId, long messageId, int statusCode, long? errorCode);

    [LoggerMessage(2710, LogLevel.Warning, "WhatsApp inbox {InboxId}: message {MessageId} not sent on attempt {Attempt} ({Reason}); will retry")]
    public static partial void SendRetry(ILogger logger, long inboxId, long messageId, int attempt, string reason);

    [LoggerMessage(2711, LogLevel.Error, "WhatsApp inbox {InboxId}: message {MessageId} not sent after {Attempts} attempts ({Reason}); marked failed")]
    public static partial void SendGaveUp(ILogger logger, long inboxId, long messageId, int attempts, string reason);

    [LoggerMessage(2712, LogLevel.Error, "WhatsApp inbox {InboxId}: its secrets cannot be decrypted (were the Data Protection keys lost or changed?)")]
    public static partial void SecretsUnreadable(ILogger logger, long inboxId, Exception exception);

    [LoggerMessage(2713, LogLevel.Information, "WhatsApp inbox {InboxId}: skipped a {Kind} with unknown value {Value}")]
    public static partial void Skipped(ILogger logger, long inboxId, string kind, string value);

    [LoggerMessage(2714, LogLevel.Warning, "WhatsApp webhook {WebhookId}: the Cloud API reported error {ErrorCode} for phone number id {PhoneNumberId}")]
    public static partial void ReportedError(ILogger logger, long webhookId, long? errorCode, string phoneNumberId);

    [LoggerMessage(2715, LogLevel.Debug, "WhatsApp cleanup: deleted {Webhooks} webhook payloads and {Statuses} unmatched statuses")]
    public static partial void CleanedUp(ILogger logger, int webhooks, int statuses);

    [LoggerMessage(2716, LogLevel.Warning, "WhatsApp inbox {InboxId}: a wamid arrived again with other content; the first message is kept")]
    public static partial void WamidReused(ILogger logger, long inboxId);
}
