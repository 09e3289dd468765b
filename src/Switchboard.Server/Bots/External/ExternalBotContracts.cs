using Switchboard.Server.Conversations;
using Switchboard.Server.Messages;

namespace Switchboard.Server.Bots.External;

/// <summary>
/// The body of the signed webhook an external bot receives for each customer message in a bot conversation. It answers
/// with <c>POST {links.messages}</c> (its bot key; <c>clientMessageId: replyId</c> makes its retries safe) or hands off
/// with <c>POST {links.handoff}</c>.
/// </summary>
public sealed record ExternalBotRequest(
    string Type,
    long WorkspaceId,
    string ReplyId,
    ConversationResponse Conversation,
    MessageResponse Message,
    IReadOnlyList<MessageResponse> History,
    ExternalBotLinks Links);

/// <summary>API paths, relative to the Switchboard base URL.</summary>
public sealed record ExternalBotLinks(string Messages, string Handoff);

/// <summary>The job that hands off when the external bot has not answered a message in time.</summary>
public sealed record BotDeadlineJob(long ConversationId, long MessageId, long MessageSeq, int TimeoutSeconds);
