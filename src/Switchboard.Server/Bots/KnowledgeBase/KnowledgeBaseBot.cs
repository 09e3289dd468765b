using System.Globalization;
using Switchboard.Server.Bots.Config;

namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// The built-in, offline bot: answers with the best-matching FAQ entry when its confidence reaches the threshold,
/// and hands off below it, naming the closest entry so the operator sees what the bot thought. When the best two
/// entries are about equally likely it asks which one the customer means, with one button for each, instead of
/// guessing; the tapped question then matches its entry exactly.
/// </summary>
public sealed class KnowledgeBaseBot : IBotEngine
{
    /// <summary>
    /// How close the runner-up's confidence must be to the best one's for the bot to ask (chosen on faq-paraphrases.json:
    /// every paraphrase whose best entry was the wrong one had its right entry within 0.04; closer pairs were more
    /// often wrong than right).
    /// </summary>
    public const double AmbiguityMargin = 0.04;

    public const string WhichOneQuestion = "Which of these do you mean?";

    public BotEngineKind Kind => BotEngineKind.KnowledgeBase;

    public Task<BotOutcome> RespondAsync(BotTurn turn, IBotReplyStream stream, CancellationToken cancellationToken)
    {
        var matches = turn.Faq.Search(turn.Message.Text, take: 2, cancellationToken);
        return Task.FromResult(Decide(matches, turn.Config.ConfidenceThreshold));
    }

    /// <summary>What the bot does with <paramref name="matches"/> (best first): answer, ask which one, or hand off.</summary>
    public static BotOutcome Decide(IReadOnlyList<FaqMatch> matches, double threshold)
    {
        if (matches.Count == 0) return BotOutcome.Handoff("Low confidence: no FAQ entry matches the question");
        var best = matches[0];
        if (best.Confidence < threshold)
            return BotOutcome.Handoff(string.Create(CultureInfo.InvariantCulture,
                $"Low confidence ({best.Confidence:0.00} < {threshold:0.00}); closest FAQ entry: \"{best.Entry.Question}\""));
        if (IsAmbiguous(matches))
        {
            var options = matches.Take(2).Select(m => m.Entry.Question).ToList();
            return BotOutcome.Ask(WhichOneQuestion + "\n" + string.Join("\n", options.Select(o => "• " + o)), options);
        }
        return BotOutcome.Reply(best.Entry.Answer);
    }

    /// <summary>Asked only when matching by meaning: the keyword-only engine (semantic search off) keeps answering its best match.</summary>
    public static bool IsAmbiguous(IReadOnlyList<FaqMatch> matches) =>
        matches.Count >= 2 && matches[0].Semantic is not null && matches[0].Confidence - matches[1].Confidence < AmbiguityMargin
        && !string.Equals(matches[0].Entry.Question, matches[1].Entry.Question, StringComparison.OrdinalIgnoreCase);
}
