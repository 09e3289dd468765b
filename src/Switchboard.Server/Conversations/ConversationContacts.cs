using Switchboard.Server.Realtime;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Conversations;

/// <summary>Realtime's view of whose conversation it is, read through this feature's store.</summary>
public sealed class ConversationContacts(Database database) : IConversationContacts
{
    public Task<ConversationParties?> PartiesAsync(long workspaceId, long conversationId, CancellationToken cancellationToken) =>
        database.ReadAsync(async (c, tx) => await ConversationStore.FindAsync(c, tx, workspaceId, conversationId) is { } r
            ? new ConversationParties(r.Conversation.ContactId, r.Conversation.InboxId, r.InboxTeamId)
            : null, cancellationToken);
}
