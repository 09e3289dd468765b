namespace Switchboard.Server.Bots;

/// <summary>What an engine decided for one turn.</summary>
public sealed record BotOutcome(BotOutcomeKind Kind, string? Text, string? Reason)
{
    public static readonly BotOutcome Deferred = new(BotOutcomeKind.Deferred, null, null);

    public static BotOutcome Reply(string text) => new(BotOutcomeKind.Reply, text, null);

    /// <summary><paramref name="reason"/> is shown to operators (cut to the queue's 200 characters).</summary>
    public static BotOutcome Handoff(string reason) =>
        new(BotOutcomeKind.Handoff, null, reason.Length <= BotLimits.MaxReasonLength ? reason : reason[..(BotLimits.MaxReasonLength - 1)] + "…");
}
