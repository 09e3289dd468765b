using Switchboard.Client.Models;

namespace Switchboard.Client.Api;

/// <summary>A page of items and the cursor of the next page (null at the end).</summary>
public sealed record ItemsPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>A page of messages in conversation order, consistent with <see cref="Cursor"/>.</summary>
public sealed record MessagePage(IReadOnlyList<MessageDto> Items, bool HasMore, long Cursor);

/// <summary>The answer to a sent message.</summary>
public sealed record PostMessageResult(MessageDto Message, ConversationDto Conversation, long Seq, bool CustomerWroteMeanwhile, bool Replayed);

/// <summary>The answer to a conversation change.</summary>
public sealed record ConversationWriteResult(ConversationDto Conversation, long Seq, bool Replayed);

/// <summary>A visitor session of the website widget.</summary>
public sealed record WidgetSession(string Token, long ContactId, long? ConversationId, DateTimeOffset ExpiresAt, long WorkspaceId, long InboxId);

/// <summary>A signed-in member session.</summary>
public sealed record LoginResult(string Token, DateTimeOffset ExpiresAt, MemberDto Member);

/// <summary>Filters of the conversation list (all optional).</summary>
public sealed record ConversationFilter(string? State = null, string? Assignee = null, long? InboxId = null, bool? BotActive = null, string? Q = null, int? Limit = null, string? Cursor = null,
    string? Snoozed = null)
{
    /// <summary>Only conversations carrying this label (team only).</summary>
    public long? LabelId { get; init; }

    /// <summary>Only this contact's conversations (team only: the contact panel's history; pass <c>Snoozed = "any"</c> for all).</summary>
    public long? ContactId { get; init; }
}
