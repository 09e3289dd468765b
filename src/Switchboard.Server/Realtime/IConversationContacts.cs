namespace Switchboard.Server.Realtime;

/// <summary>
/// Whose conversation it is, for signals a client sends (typing): implemented by the conversations feature, so the
/// stream machinery imports no feature.
/// </summary>
public interface IConversationContacts
{
    /// <summary>The conversation's contact and inbox, or null when the workspace has no such conversation.</summary>
    Task<ConversationParties?> PartiesAsync(long workspaceId, long conversationId, CancellationToken cancellationToken);
}

/// <summary>A conversation's contact, its inbox and that inbox's team (null: none).</summary>
public sealed record ConversationParties(long ContactId, long InboxId, long? InboxTeamId);
