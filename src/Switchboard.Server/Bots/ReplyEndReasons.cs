namespace Switchboard.Server.Bots;

/// <summary>
/// The outcomes and reason codes of <c>bot.reply.end</c> (docs/bots.md): stable strings a client may branch on. The
/// words an operator reads are the conversation's handoff reason, not these.
/// </summary>
public static class ReplyEndReasons
{
    public const string Completed = "completed";
    public const string Abandoned = "abandoned";

    /// <summary>The engine ran past the reply timeout.</summary>
    public const string Stalled = "stalled";
    /// <summary>The engine's connection closed before the reply was complete.</summary>
    public const string Cut = "cut";
    /// <summary>The engine failed otherwise (an HTTP error, an unreachable endpoint).</summary>
    public const string Error = "error";
    /// <summary>The engine decided to hand off (the model's handoff tool, an empty answer).</summary>
    public const string HandedOff = "handed_off";
    /// <summary>An operator wrote in the conversation while the reply was being written.</summary>
    public const string Takeover = "takeover";
    /// <summary>The bot switch was turned off (or the conversation resolved) while the reply was being written.</summary>
    public const string BotSwitchedOff = "bot_switched_off";
}
