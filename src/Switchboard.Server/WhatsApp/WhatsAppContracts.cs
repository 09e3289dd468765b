namespace Switchboard.Server.WhatsApp;

/// <summary>
/// A WhatsApp inbox as the admin API shows it. Its access token, app secret and verify token are write-only:
/// stored encrypted and never returned. <c>webhookPath</c> is the callback URL's path to give Meta.
/// </summary>
public sealed record WhatsAppInboxResponse(
    long Id,
    string Name,
    string Channel,
    string PhoneNumberId,
    string GraphBaseUrl,
    string WebhookPath,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Connects a WhatsApp Business number. <c>graphBaseUrl</c> defaults to <c>WhatsApp:DefaultGraphBaseUrl</c>.</summary>
public sealed record CreateWhatsAppInboxRequest(
    string? Name,
    string? PhoneNumberId,
    string? AccessToken,
    string? AppSecret,
    string? VerifyToken,
    string? GraphBaseUrl);

/// <summary>Changes the fields that are present (a rotated token, a new base URL); absent fields stay as they are.</summary>
public sealed record UpdateWhatsAppInboxRequest(
    string? Name,
    string? PhoneNumberId,
    string? AccessToken,
    string? AppSecret,
    string? VerifyToken,
    string? GraphBaseUrl);

/// <summary>
/// Sends an approved message template, which WhatsApp allows outside the 24-hour window. <c>parameters</c> fill
/// the body's <c>{{1}}</c>, <c>{{2}}</c>, … in order. <c>clientMessageId</c> makes retries safe, as for messages.
/// </summary>
public sealed record SendTemplateRequest(string? ClientMessageId, string? Name, string? Language, IReadOnlyList<string>? Parameters);

/// <summary>Payload of a <c>whatsapp.webhook</c> job: the stored webhook to process.</summary>
public sealed record WhatsAppWebhookJob(long WebhookId);

/// <summary>Payload of a <c>whatsapp.send</c> job: the outbound message to send.</summary>
public sealed record WhatsAppSendJob(long MessageId);

/// <summary>
/// Payload of a <c>whatsapp.download</c> job: the pending attachment of an inbound media message, and the Graph API
/// media id its bytes are fetched by.
/// </summary>
public sealed record WhatsAppDownloadJob(long InboxId, long MessageId, long AttachmentId, string MediaId);
