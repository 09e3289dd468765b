using Switchboard.Server.Conversations;

namespace Switchboard.Server.Queue;

/// <summary>The waiting room: queued conversations oldest first, how many wait in all, and the cursor the list is consistent with.</summary>
public sealed record QueueResponse(IReadOnlyList<ConversationResponse> Items, int Waiting, long Cursor);

/// <summary>Claim a conversation. Retrying with the same <c>mutationId</c> answers with the first claim instead of claiming again.</summary>
public sealed record ClaimRequest(string? MutationId);

/// <summary>Hand a bot conversation to the humans, with the reason operators will see (at most 200 characters).</summary>
public sealed record HandoffRequest(string? MutationId, string? Reason);
