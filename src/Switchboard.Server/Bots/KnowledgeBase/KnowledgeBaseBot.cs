using System.Globalization;
using Switchboard.Server.Bots.Config;

namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// The built-in, offline bot: answers with the best-matching FAQ entry when its confidence reaches the threshold,
/// and hands off below it, naming the closest entry so the operator sees what the bot thought. Where a person would
/// ask rather than guess, it asks, with buttons: which of the best two entries the customer means when they are about
/// equally likely, and whether they mean the best entry when it is just under the threshold. Every question offers
/// "No, talk to a person" too. The customer's reply to such a question is read in its light (<see cref="AskedQuestion"/>):
/// a tap, a typed "yes", "no", "the second one", "both", or the choice in other words.
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

    public BotEngineKind Kind => BotEngineKind.KnowledgeBase;

    public Task<BotOutcome> RespondAsync(BotTurn turn, IBotReplyStream stream, CancellationToken cancellationToken)
    {
        var asked = AskedQuestion.Latest(turn);
        if (asked?.Read(turn.Message.Text, turn.Faq) is { } read) return Task.FromResult(read);
        // Answering the bot's question, the whole FAQ is ranked: the offered entries' scores are compared with each other.
        var matches = turn.Faq.Search(turn.Message.Text, take: asked is null ? 2 : turn.Faq.Count, cancellationToken);
        var decided = Decide(matches, turn.Config.ConfidenceThreshold);
        if (asked is not null && Verdict(decided) != "answer" && asked.Chosen(matches, turn.Config.ConfidenceThreshold) is { } chosen)
            return Task.FromResult(BotOutcome.Reply(chosen.Answer));
        return Task.FromResult(decided);
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
}
