using Switchboard.Core;
using Switchboard.Server.Auth;

namespace Switchboard.Server.Messages;

/// <summary>
/// What <see cref="MessageService.PostAsync"/> stores: a message from <see cref="Author"/> into a conversation of a
/// workspace. <see cref="VisibleTo"/> (when set) must be allowed to see the conversation; the bot, the system and
/// inbound channels leave it null. <see cref="Content"/> carries what a message has beyond its text (an inbound
/// WhatsApp image keeps its kind and media id, a template its name and parameters).
/// </summary>
public sealed record MessagePost(long WorkspaceId, Author Author, long ConversationId, PostMessageRequest Request)
{
    public MessageContent Content { get; init; } = MessageContent.Text;
    public Caller? VisibleTo { get; init; }

    /// <summary>A message written by an API caller (operator, visitor, integration), who must see the conversation.</summary>
    public static MessagePost From(Caller caller, long conversationId, PostMessageRequest request) =>
        new(caller.WorkspaceId, Author.From(caller), conversationId, request) { VisibleTo = caller };
}
