using System.Text.Json;

namespace Switchboard.Server.WhatsApp;

// What the WhatsApp Cloud API sends and answers, as far as Switchboard reads it (snake_case on the wire; see
// CloudApiJson). Every field is optional: a payload missing one is skipped in part, never a crash. Message bodies
// stay JsonElement so that types this code does not know yet are still kept (as "[type]").

/// <summary>A webhook notification: <c>{"object":"whatsapp_business_account","entry":[…]}</c>.</summary>
public sealed record CloudWebhook(string? Object, IReadOnlyList<CloudEntry>? Entry);

public sealed record CloudEntry(string? Id, IReadOnlyList<CloudChange>? Changes);

/// <summary>One change; Switchboard subscribes to <c>field: "messages"</c>.</summary>
public sealed record CloudChange(string? Field, CloudValue? Value);

public sealed record CloudValue(
    string? MessagingProduct,
    CloudMetadata? Metadata,
    IReadOnlyList<CloudContact>? Contacts,
    IReadOnlyList<JsonElement>? Messages,
    IReadOnlyList<CloudStatus>? Statuses,
    IReadOnlyList<CloudError>? Errors);

/// <summary>Which business number the change is for.</summary>
public sealed record CloudMetadata(string? DisplayPhoneNumber, string? PhoneNumberId);

/// <summary>The sender of inbound messages: <c>wa_id</c> and the name they chose on WhatsApp.</summary>
public sealed record CloudContact(CloudProfile? Profile, string? WaId);

public sealed record CloudProfile(string? Name);

/// <summary>A status callback for an outbound message: <c>sent</c>, <c>delivered</c>, <c>read</c> or <c>failed</c> (with <c>errors</c>).</summary>
public sealed record CloudStatus(string? Id, string? Status, IReadOnlyList<CloudError>? Errors);

/// <summary>An error of a status callback or of the Graph API (<c>{"error":{…}}</c>), in either of Meta's two shapes.</summary>
public sealed record CloudError(
    long? Code,
    string? Title,
    string? Message,
    string? Type,
    string? ErrorUserTitle,
    string? ErrorUserMsg,
    CloudErrorData? ErrorData);

public sealed record CloudErrorData(string? Details);

/// <summary>The Graph API's error answer.</summary>
public sealed record CloudErrorResponse(CloudError? Error);

/// <summary>The Graph API's answer to a send: <c>{"messages":[{"id":"wamid…"}]}</c>.</summary>
public sealed record CloudSendResponse(string? MessagingProduct, IReadOnlyList<CloudSentMessage>? Messages);

public sealed record CloudSentMessage(string? Id);

/// <summary>
/// The Graph API's answer to <c>GET {base}/{media-id}</c>: where to fetch the bytes (with the same token) and what they
/// are. <c>sha256</c> is hex here (the webhook's is base64); both are accepted.
/// </summary>
public sealed record CloudMediaInfo(string? Url, string? MimeType, string? Sha256, long? FileSize, string? Id);

/// <summary>The Graph API's answer to a media upload: <c>{"id":"…"}</c>.</summary>
public sealed record CloudMediaUploaded(string? Id);
