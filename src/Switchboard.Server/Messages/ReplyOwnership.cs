using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Members;

namespace Switchboard.Server.Messages;

/// <summary>
/// A member's reply into a colleague's conversation is a deliberate act: without <c>replyAnyway</c> it is refused
/// with the owner's id and name, so a claim loser (or a second tab) learns who answers this customer before
/// anything reaches them. Integrations (API keys), bots and the system are not members and are never asked.
/// </summary>
static class ReplyOwnership
{
    public const string OwnedByOther = "conversation_owned_by_other";

    public static async Task RequireOwnOrUnownedAsync(WriteContext w, Author author, Conversation conversation)
    {
        if (author.MemberId is not { } me || conversation.AssigneeId is not { } owner || owner == me) return;
        var name = (await MemberStore.FindAsync(w, owner))?.Name ?? "A colleague";
        throw new DomainException(OwnedByOther, $"{name} owns this conversation. Send with replyAnyway to reply in it anyway.")
        {
            Details = new Dictionary<string, object?> { ["assigneeId"] = owner, ["assigneeName"] = name },
        };
    }
}
