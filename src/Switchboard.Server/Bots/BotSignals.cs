using Switchboard.Server.EventLog;
using Switchboard.Server.Realtime;

namespace Switchboard.Server.Bots;

/// <summary>
/// The bot's live-only signals: <c>bot.thinking</c> (streams' <see cref="EphemeralSignals"/>), <c>bot.delta</c>, a piece
/// of a reply being written, and <c>bot.reply.end</c>, how that reply ended. All reach the team and the conversation's
/// visitor; none is stored.
/// </summary>
public static class BotSignals
{
    public const string Delta = "bot.delta";
    public const string ReplyEnd = "bot.reply.end";

    public static EphemeralSignal Thinking(long workspaceId, long conversationId, long contactId, long? inboxId, bool thinking) =>
        EphemeralSignals.BotThinkingIn(workspaceId, conversationId, contactId, inboxId, thinking);

    public static EphemeralSignal DeltaIn(long workspaceId, long conversationId, long contactId, long inboxId, string replyId, int index, string text) =>
        new(workspaceId, Delta, conversationId, contactId, Actor.Bot, new BotDeltaData(replyId, index, text)) { InboxId = inboxId };

    public static EphemeralSignal ReplyEndIn(long workspaceId, long conversationId, long contactId, long inboxId, BotReplyEndData end) =>
        new(workspaceId, ReplyEnd, conversationId, contactId, Actor.Bot, end) { InboxId = inboxId };
}
