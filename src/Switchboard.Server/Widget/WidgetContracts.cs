namespace Switchboard.Server.Widget;

/// <summary>
/// Start or resume a visitor session. Send the inbox's public token; to resume, also send the previous
/// session token as <c>Authorization: Bearer</c> and get a fresh one for the same contact.
/// </summary>
public sealed record CreateWidgetSessionRequest(string? InboxToken, string? Name, string? Email, WidgetIdentityRequest? Identity = null);

/// <summary>
/// The host site's user, vouched for by its server: <see cref="Hash"/> is <c>hex(HMAC-SHA256(key: the inbox's identity
/// secret, message: UserId))</c>. A valid one makes the visitor that user's verified contact on every device.
/// </summary>
public sealed record WidgetIdentityRequest(string? UserId, string? Name, string? Email, string? Hash);

/// <summary>Identify after the fact (<c>POST /api/v1/widget/identify</c>).</summary>
public sealed record IdentifyRequest(WidgetIdentityRequest? Identity);

/// <summary>Custom attributes for the visitor's contact (<c>PUT /api/v1/widget/attributes</c>).</summary>
public sealed record SetAttributesRequest(Dictionary<string, System.Text.Json.JsonElement>? Attributes);

/// <summary>The email a visitor leaves for the answer (<c>PUT /api/v1/widget/email</c>).</summary>
public sealed record LeaveEmailRequest(string? Email);

/// <summary>A visitor session; <see cref="Verified"/> when its contact is a verified identity.</summary>
public sealed record WidgetSessionResponse(string Token, long ContactId, long? ConversationId, DateTimeOffset ExpiresAt, long WorkspaceId, long InboxId, bool Verified = false);
