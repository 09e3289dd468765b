namespace Switchboard.Server.Bots;

public enum BotOutcomeKind
{
    /// <summary>Store <see cref="BotOutcome.Text"/> as the bot's message.</summary>
    Reply,
    /// <summary>Give the conversation to the humans with <see cref="BotOutcome.Reason"/>.</summary>
    Handoff,
    /// <summary>Nothing now: the answer comes through the API (an external bot), or a handoff when it does not in time.</summary>
    Deferred,
}
