using Switchboard.Server.Bots.Config;
using Switchboard.Server.Bots.KnowledgeBase;
using Switchboard.Server.Conversations;
using Switchboard.Server.Messages;

namespace Switchboard.Server.Bots;

/// <summary>
/// What an engine answers: the customer's <see cref="Message"/> in <see cref="Conversation"/> (team view), the recent
/// <see cref="History"/> (oldest first, notes excluded, ending with that message or later), the workspace's FAQ index and the
/// configuration in force. <see cref="ReplyId"/> is the <c>clientMessageId</c> the reply will be stored with, and the id
/// of its <c>bot.delta</c> signals.
/// </summary>
public sealed record BotTurn(
    long WorkspaceId,
    string WorkspaceName,
    ConversationResponse Conversation,
    MessageResponse Message,
    IReadOnlyList<MessageResponse> History,
    KnowledgeBaseIndex Faq,
    BotConfig Config,
    string ReplyId);
