namespace Switchboard.Server.Realtime;

/// <summary>
/// Whose conversation it is, for signals a client sends (typing): implemented by the conversations feature, so the
/// stream machinery imports no feature.
/// </summary>
public interface IConversationContacts
{
    /// <summary>The conversation's contact, or null when the workspace has no such conversation.</summary>
    Task<long?> ContactIdAsync(long workspaceId, long conversationId, CancellationToken cancellationToken);
}
