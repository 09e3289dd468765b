namespace Switchboard.Server.Snooze;

/// <summary>
/// Snooze a conversation: until <see cref="Until"/> (a timestamp with its offset), or, with <see cref="UntilReply"/> true
/// and no time, until the customer writes. A customer message wakes either kind. Retrying with the same
/// <see cref="MutationId"/> changes nothing twice.
/// </summary>
public sealed record SnoozeRequest(string? MutationId, DateTimeOffset? Until, bool? UntilReply);

/// <summary>Wake a snoozed conversation by hand, or dismiss the marker it woke with.</summary>
public sealed record UnsnoozeRequest(string? MutationId);

/// <summary>The payload of a <c>conversation.snooze_wake</c> job: the snooze it ends, by its stored instant (Unix ms).</summary>
public sealed record SnoozeWakeJob(long ConversationId, long UntilMs);
