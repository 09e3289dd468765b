namespace Switchboard.Server.Widget;

/// <summary>
/// Start or resume a visitor session. Send the inbox's public token; to resume, also send the previous
/// session token as <c>Authorization: Bearer</c> and get a fresh one for the same contact.
/// </summary>
public sealed record CreateWidgetSessionRequest(string? InboxToken, string? Name, string? Email);

public sealed record WidgetSessionResponse(string Token, long ContactId, long? ConversationId, DateTimeOffset ExpiresAt, long WorkspaceId, long InboxId);
