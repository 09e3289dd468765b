using System.Text.Json;

namespace Switchboard.Client.Models;

/// <summary>A conversation as the server sends it. Fields the server adds later are ignored; missing ones keep their defaults.</summary>
public sealed record ConversationDto
{
    /// <summary>Conversation id.</summary>
    public long Id { get; init; }
    /// <summary>The inbox (channel) it arrived on.</summary>
    public long InboxId { get; init; }
    /// <summary>The customer.</summary>
    public ContactDto? Contact { get; init; }
    /// <summary><c>bot</c>, <c>queued</c>, <c>assigned</c>, <c>waiting_customer</c> or <c>resolved</c>.</summary>
    public string State { get; init; } = "bot";
    /// <summary>Whether the bot answers.</summary>
    public bool BotActive { get; init; }
    /// <summary>The operator who owns it, if any.</summary>
    public long? AssigneeId { get; init; }
    /// <summary>Messages in the conversation.</summary>
    public int MessageCount { get; init; }
    /// <summary>When the newest message was written.</summary>
    public DateTimeOffset? LastMessageAt { get; init; }
    /// <summary>The start of the newest message.</summary>
    public string? LastMessagePreview { get; init; }
    /// <summary>Messages the caller's side has not read.</summary>
    public int UnreadCount { get; init; }
    /// <summary>Why the bot handed off (team only).</summary>
    public string? HandoffReason { get; init; }
    /// <summary>Entity version: a snapshot with a lower version than the one held is stale and ignored.</summary>
    public long Version { get; init; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The workspace labels on it (team only: none for a visitor).</summary>
    public LabelIds LabelIds { get; init; } = LabelIds.None;
    /// <summary>Snoozed until this instant (team only); a customer message wakes it earlier.</summary>
    public DateTimeOffset? SnoozedUntil { get; init; }
    /// <summary>Snoozed until the customer writes (team only).</summary>
    public bool SnoozeUntilReply { get; init; }
    /// <summary>The wake marker (team only): <c>snooze_ended</c> or <c>customer_replied</c>, until someone answers, resolves or dismisses it.</summary>
    public string? WakeReason { get; init; }
    /// <summary>True while it sleeps: it belongs under "Snoozed", not in the active lists or the queue.</summary>
    public bool IsSnoozed => SnoozedUntil is not null || SnoozeUntilReply;
}

/// <summary>The customer of a conversation.</summary>
public sealed record ContactDto(long Id, string? Name, string? Email);

/// <summary>A message as the server sends it.</summary>
public sealed record MessageDto
{
    /// <summary>Server id.</summary>
    public long Id { get; init; }
    /// <summary>The conversation it belongs to.</summary>
    public long ConversationId { get; init; }
    /// <summary>Position in the conversation: the same order for every viewer.</summary>
    public long Ordinal { get; init; }
    /// <summary>The id its sender's client generated; unique within the conversation.</summary>
    public string ClientMessageId { get; init; } = "";
    /// <summary><c>customer</c>, <c>operator</c>, <c>bot</c> or <c>system</c>.</summary>
    public string SenderRole { get; init; } = "";
    /// <summary>The sending member or contact.</summary>
    public long? SenderId { get; init; }
    /// <summary>Display name of the sender.</summary>
    public string? SenderName { get; init; }
    /// <summary>The text; always shown as text, never as HTML.</summary>
    public string Text { get; init; } = "";
    /// <summary>An internal note (team only).</summary>
    public bool IsNote { get; init; }
    /// <summary><c>sending</c>, <c>sent</c>, <c>delivered</c>, <c>read</c> or <c>failed</c>.</summary>
    public string Status { get; init; } = "sent";
    /// <summary>Why it failed, when it did.</summary>
    public string? Error { get; init; }
    /// <summary>Seq of the event that stored it.</summary>
    public long Seq { get; init; }
    /// <summary>Entity version.</summary>
    public long Version { get; init; }
    /// <summary>When it was stored.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Its files in the order sent; empty when it has none (the server then omits the field).</summary>
    public IReadOnlyList<Attachments.AttachmentDto> Attachments { get; init => field = value ?? []; } = [];
}

/// <summary>A member of the workspace.</summary>
public sealed record MemberDto
{
    /// <summary>Member id.</summary>
    public long Id { get; init; }
    /// <summary>Email (login).</summary>
    public string Email { get; init; } = "";
    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";
    /// <summary><c>admin</c> or <c>operator</c>.</summary>
    public string Role { get; init; } = "";
    /// <summary>Presence: <c>online</c>, <c>away</c> or <c>offline</c>.</summary>
    public string Presence { get; init; } = "offline";
    /// <summary>Entity version.</summary>
    public long Version { get; init; }
}

/// <summary>A consistent starting point: applying the events after <see cref="Cursor"/> gives the current state.</summary>
public sealed record SnapshotDto
{
    /// <summary>The seq the snapshot is consistent with.</summary>
    public long Cursor { get; init; }
    /// <summary>Open and recent conversations.</summary>
    public IReadOnlyList<ConversationDto> Conversations { get; init; } = [];
    /// <summary>The workspace's members (empty for visitors).</summary>
    public IReadOnlyList<MemberDto> Members { get; init; } = [];
    /// <summary>The workspace's labels (empty for visitors).</summary>
    public IReadOnlyList<LabelDto> Labels { get; init; } = [];
    /// <summary>The caller's canned replies: the workspace's and their own (empty for visitors).</summary>
    public IReadOnlyList<CannedReplyDto> CannedReplies { get; init; } = [];
    /// <summary>The newest rating request (CSAT) of each conversation in the snapshot that has one.</summary>
    public IReadOnlyList<CsatDto> Csat { get; init; } = [];
}

/// <summary>A durable event from the log.</summary>
public sealed record StreamEvent
{
    /// <summary>Position in the workspace's log.</summary>
    public long Seq { get; init; }
    /// <summary>Event type, such as <c>message.created</c>.</summary>
    public string Type { get; init; } = "";
    /// <summary>The conversation it concerns, if any.</summary>
    public long? ConversationId { get; init; }
    /// <summary>Version of the entity after the change.</summary>
    public long Version { get; init; }
    /// <summary>The mutation that caused it, if any.</summary>
    public string? MutationId { get; init; }
    /// <summary>The client message id that caused it, if any.</summary>
    public string? ClientMessageId { get; init; }
    /// <summary>Entity snapshots: <c>{ message, conversation }</c>, <c>{ conversation, change }</c>, a member...</summary>
    public JsonElement Data { get; init; }
}
