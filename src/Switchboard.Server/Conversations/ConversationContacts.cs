using Switchboard.Server.Realtime;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Conversations;

/// <summary>Realtime's view of whose conversation it is, read through this feature's store.</summary>
public sealed class ConversationContacts(Database database) : IConversationContacts
{
    public Task<long?> ContactIdAsync(long workspaceId, long conversationId, CancellationToken cancellationToken) =>
        database.ReadAsync((c, tx) => ConversationStore.ContactIdAsync(c, tx, workspaceId, conversationId, cancellationToken), cancellationToken);
}
