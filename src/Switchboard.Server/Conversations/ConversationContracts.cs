using System.Text.Json;
using Switchboard.Core.Conversations;

namespace Switchboard.Server.Conversations;

/// <summary>
/// A conversation as clients see it. Visitors get the same shape with team-only fields blanked
/// (assignee, handoff reason, labels) and <see cref="UnreadCount"/> counting what they have not read.
/// </summary>
public sealed record ConversationResponse(
    long Id,
    long InboxId,
    ContactSummary Contact,
    ConversationState State,
    bool BotActive,
    long? AssigneeId,
    int MessageCount,
    DateTimeOffset? LastMessageAt,
    string? LastMessagePreview,
    int UnreadCount,
    string? HandoffReason,
    DateTimeOffset? QueuedAt,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    LabelIdSet? LabelIds = null,
    DateTimeOffset? SnoozedUntil = null,
    bool SnoozeUntilReply = false,
    WakeReason? WakeReason = null);

/// <summary>
/// Change a conversation. Absent fields stay as they are. <c>assigneeId: null</c> unassigns.
/// <c>resolved: true</c> resolves, <c>false</c> reopens. Retrying with the same <c>mutationId</c> changes nothing twice.
/// </summary>
public sealed record PatchConversationRequest(string? MutationId, bool? BotActive, bool? Resolved, JsonElement AssigneeId);

/// <summary>The conversation after a write, the event's seq, and (for a repeated mutation) whether it was a replay.</summary>
public sealed record ConversationWriteResponse(ConversationResponse Conversation, long Seq, bool Replayed);
