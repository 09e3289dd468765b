namespace Switchboard.Server.Bots;

/// <summary>
/// What an engine decided for one turn. <see cref="EndReason"/> is the <c>bot.reply.end</c> reason of a handoff
/// (<see cref="ReplyEndReasons"/>; an engine's own decision when unset).
/// </summary>
public sealed record BotOutcome(BotOutcomeKind Kind, string? Text, string? Reason, string? EndReason = null)
{
    public static readonly BotOutcome Deferred = new(BotOutcomeKind.Deferred, null, null);

    /// <summary>Answers the customer can pick with one tap (a reply that asks which of several things they mean).</summary>
    public IReadOnlyList<string>? QuickReplies { get; init; }

    public static BotOutcome Reply(string text) => new(BotOutcomeKind.Reply, text, null);

    public static BotOutcome Ask(string text, IReadOnlyList<string> quickReplies) =>
        new(BotOutcomeKind.Reply, text, null) { QuickReplies = quickReplies };

    /// <summary><paramref name="reason"/> is shown to operators (cut to the queue's 200 characters).</summary>
    public static BotOutcome Handoff(string reason, string? endReason = null) =>
        new(BotOutcomeKind.Handoff, null, reason.Length <= BotLimits.MaxReasonLength ? reason : reason[..(BotLimits.MaxReasonLength - 1)] + "…", endReason);
}
