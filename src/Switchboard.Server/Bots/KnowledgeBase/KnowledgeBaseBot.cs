using System.Globalization;
using Switchboard.Core.Messages;
using Switchboard.Server.Bots.Config;
using Switchboard.Server.Messages;

namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// The built-in, offline bot: answers with the best-matching FAQ entry when its confidence reaches the threshold,
/// and hands off below it, naming the closest entry so the operator sees what the bot thought. Where a person would
/// ask rather than guess, it asks, with buttons: which of the best two entries the customer means when they are about
/// equally likely, and whether they mean the best entry when it is just under the threshold. Every question offers
/// "No, talk to a person" too. A tapped question then matches its entry exactly; a "yes" or "no" typed instead of
/// tapping is understood as well.
/// </summary>
public sealed class KnowledgeBaseBot : IBotEngine
{
    /// <summary>
    /// How close the runner-up's confidence must be to the best one's for the bot to ask (chosen on faq-paraphrases.json:
    /// every paraphrase whose best entry was the wrong one had its right entry within 0.04; closer pairs were more
    /// often wrong than right).
    /// </summary>
    public const double AmbiguityMargin = 0.04;

    /// <summary>
    /// How far under the threshold the bot still suggests its best entry instead of handing off (chosen on the tuning
    /// sets, docs/bots.md: at 0.08 nearly every paraphrase handed off under the threshold had its right entry as the
    /// best one, and wider bands only added off-topic questions).
    /// </summary>
    public const double SuggestionBand = 0.08;

    public const string WhichOneQuestion = "Which of these do you mean?";
    public const string DidYouMeanQuestion = "Did you mean this?";

    /// <summary>The way out of every question the bot asks; "person" is a handoff phrase, so a tap hands off.</summary>
    public const string TalkToAPerson = "No, talk to a person";

    static readonly HashSet<string> Yes = new(["yes", "yeah", "yep", "yup", "ya", "y", "sure", "correct", "right", "exactly", "ok", "okay", "yes please", "yes thanks", "thats it", "that one"], StringComparer.Ordinal);
    static readonly HashSet<string> No = new(["no", "nope", "nah", "n", "no thanks", "neither", "none", "not that", "no thats not it", "wrong"], StringComparer.Ordinal);

    public BotEngineKind Kind => BotEngineKind.KnowledgeBase;

    public Task<BotOutcome> RespondAsync(BotTurn turn, IBotReplyStream stream, CancellationToken cancellationToken)
    {
        if (FollowUp(turn) is { } followUp) return Task.FromResult(followUp);
        var matches = turn.Faq.Search(turn.Message.Text, take: 2, cancellationToken);
        return Task.FromResult(Decide(matches, turn.Config.ConfidenceThreshold));
    }

    /// <summary>
    /// What the bot does with <paramref name="matches"/> (best first): answer, ask, or hand off. A
    /// <paramref name="suggestionBand"/> of 0 never suggests (how the engines before it decided; docs/bots.md compares them).
    /// </summary>
    public static BotOutcome Decide(IReadOnlyList<FaqMatch> matches, double threshold, double suggestionBand = SuggestionBand)
    {
        if (matches.Count == 0) return BotOutcome.Handoff("Low confidence: no FAQ entry matches the question");
        var best = matches[0];
        // Suggesting needs a score calibrated by meaning; the keyword-only engine hands off under its threshold.
        var suggest = best.Semantic is not null && suggestionBand > 0 && best.Confidence >= threshold - suggestionBand;
        if (best.Confidence < threshold && !suggest)
            return BotOutcome.Handoff(string.Create(CultureInfo.InvariantCulture,
                $"Low confidence ({best.Confidence:0.00} < {threshold:0.00}); closest FAQ entry: \"{best.Entry.Question}\""));
        if (IsAmbiguous(matches)) return AskAbout(WhichOneQuestion, matches[0].Entry.Question, matches[1].Entry.Question);
        if (best.Confidence < threshold) return AskAbout(DidYouMeanQuestion, best.Entry.Question);
        return BotOutcome.Reply(best.Entry.Answer);
    }

    /// <summary>
    /// What <see cref="Decide"/> chose, as GET /faq/search names it: <c>answer</c>, <c>ask</c> (which of two),
    /// <c>suggest</c> ("did you mean" the best entry) or <c>handoff</c>.
    /// </summary>
    public static string Verdict(BotOutcome outcome) =>
        outcome.Kind == BotOutcomeKind.Handoff ? "handoff"
        : outcome.QuickReplies is null ? "answer"
        : outcome.QuickReplies.Count == 2 ? "suggest"
        : "ask";

    /// <summary>Asked only when matching by meaning: the keyword-only engine (semantic search off) keeps answering its best match.</summary>
    public static bool IsAmbiguous(IReadOnlyList<FaqMatch> matches) =>
        matches.Count >= 2 && matches[0].Semantic is not null && matches[0].Confidence - matches[1].Confidence < AmbiguityMargin
        && !string.Equals(matches[0].Entry.Question, matches[1].Entry.Question, StringComparison.OrdinalIgnoreCase);

    /// <summary>The options are also listed in the text, for clients that show no buttons.</summary>
    static BotOutcome AskAbout(string question, params string[] entries)
    {
        var options = entries.Append(TalkToAPerson).ToList();
        return BotOutcome.Ask(question + "\n" + string.Join("\n", options.Select(o => "• " + o)), options);
    }

    /// <summary>
    /// A "yes" or "no" typed in answer to "Did you mean this?" (the bot's latest message), as a person would read it:
    /// yes answers the suggested entry, no hands off. Anything else is a new question.
    /// </summary>
    static BotOutcome? FollowUp(BotTurn turn)
    {
        var asked = turn.History.LastOrDefault(m => m.SenderRole != SenderRole.Customer && m.Seq < turn.Message.Seq);
        if (asked is not { SenderRole: SenderRole.Bot, Kind: MessageKinds.QuickReplies, QuickReplies: [var suggested, TalkToAPerson] }) return null;
        var reply = string.Join(' ', HandoffPhrases.Words(turn.Message.Text));
        if (No.Contains(reply)) return BotOutcome.Handoff($"The customer said the bot's suggestion is not what they mean: \"{suggested}\"");
        if (!Yes.Contains(reply)) return null;
        return turn.Faq.Find(suggested) is { } entry ? BotOutcome.Reply(entry.Answer) : null;
    }
}
