using Switchboard.Server.EventLog;


namespace Switchboard.Server.Realtime;

/// <summary>The catalogue of ephemeral signals (docs/protocol.md) and their builders.</summary>
public static class EphemeralSignals
{
    public const string Typing = "typing";
    public const string Presence = "presence";
    public const string BotThinking = "bot.thinking";

    /// <summary>Someone is typing in a conversation: the team and the conversation's visitor see it.</summary>
    public static EphemeralSignal TypingIn(long workspaceId, long conversationId, long contactId, long inboxId, Actor actor, bool typing) =>
        new(workspaceId, Typing, conversationId, contactId, actor, new TypingData(typing ? "start" : "stop")) { InboxId = inboxId };

    /// <summary>A member's presence changed: team only.</summary>
    public static EphemeralSignal MemberPresence(long workspaceId, long memberId, string status) =>
        new(workspaceId, Presence, null, null, Actor.Member(memberId), new PresenceData(memberId, status));

    /// <summary>The bot is working on a reply in a conversation: the team and the visitor see it.</summary>
    public static EphemeralSignal BotThinkingIn(long workspaceId, long conversationId, long contactId, long? inboxId, bool thinking) =>
        new(workspaceId, BotThinking, conversationId, contactId, Actor.Bot, new BotThinkingData(thinking)) { InboxId = inboxId };
}
