using Switchboard.Core.Messages;
using Switchboard.Server.Messages;

namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// A question the bot asked with buttons ("Which of these do you mean?" or "Did you mean this?") that the customer is
/// now answering, and how the customer's reply is read: as the person who asked would read it, in the light of what
/// they offered. A tapped option, a typed "yes" (one option), "the second one" or "both" (two), and "no" or "neither"
/// need no search; a reply in other words picks the offered entry it is clearly about (<see cref="Chosen"/>).
/// </summary>
public sealed class AskedQuestion
{
    static readonly HashSet<string> Yes = new(["yes", "yeah", "yep", "yup", "ya", "y", "sure", "correct", "right", "exactly", "ok", "okay", "yes please", "yes thanks", "thats it", "that one"], StringComparer.Ordinal);
    static readonly HashSet<string> No = new(["no", "nope", "nah", "n", "no thanks", "neither", "none", "not that", "no thats not it", "wrong", "neither of them", "none of them", "neither one", "none of these", "neither of these"], StringComparer.Ordinal);
    static readonly HashSet<string> Both = new(["both", "both of them", "both please", "both of these", "all", "all of them", "both thanks"], StringComparer.Ordinal);

    /// <summary>Words around a position that say nothing by themselves: "the first one please", "option 2", "number 1".</summary>
    static readonly HashSet<string> PositionFillers = new(["the", "one", "please", "pls", "plz", "thanks", "thank", "you", "option", "number", "no", "i", "mean", "meant", "want", "its", "that"], StringComparer.Ordinal);
    static readonly Dictionary<string, int> Positions = new(StringComparer.Ordinal)
    {
        ["1"] = 0, ["1st"] = 0, ["first"] = 0, ["top"] = 0, ["upper"] = 0, ["former"] = 0,
        ["2"] = 1, ["2nd"] = 1, ["second"] = 1, ["bottom"] = 1, ["lower"] = 1, ["latter"] = 1, ["last"] = 1,
    };

    /// <summary>The questions of the entries offered, best first (one for "Did you mean this?", two for "Which of these").</summary>
    public IReadOnlyList<string> Offered { get; }

    public AskedQuestion(IReadOnlyList<string> offered) => Offered = offered;

    /// <summary>The bot's question if it is the latest message from the team before the customer's, else null.</summary>
    public static AskedQuestion? Latest(BotTurn turn)
    {
        var latest = turn.History.LastOrDefault(m => m.SenderRole != SenderRole.Customer && m.Seq < turn.Message.Seq);
        return latest is { SenderRole: SenderRole.Bot, Kind: MessageKinds.QuickReplies, QuickReplies: [_, .., KnowledgeBaseBot.TalkToAPerson] options }
            ? new AskedQuestion(options.Take(options.Count - 1).ToList())
            : null;
    }

    /// <summary>
    /// The outcome of a reply that needs no search: a tapped option, yes, no, a position or "both". Null when the reply
    /// says something else (a question of its own, or the choice in other words).
    /// </summary>
    public BotOutcome? Read(string reply, KnowledgeBaseIndex faq)
    {
        if (Offered.FirstOrDefault(o => string.Equals(o, reply.Trim(), StringComparison.OrdinalIgnoreCase)) is { } tapped)
            return Answer(faq, tapped);
        var words = HandoffPhrases.Words(reply);
        var said = string.Join(' ', words);
        if (No.Contains(said))
            return BotOutcome.Handoff(Offered.Count == 1
                ? $"The customer said the bot's suggestion is not what they mean: \"{Offered[0]}\""
                : $"The customer said neither of the bot's suggestions is what they mean: {string.Join(", ", Offered.Select(o => $"\"{o}\""))}");
        if (Offered.Count == 1 && Yes.Contains(said)) return Answer(faq, Offered[0]);
        if (Offered.Count > 1 && Both.Contains(said)) return Answer(faq, [.. Offered]);
        var position = words.Where(w => !PositionFillers.Contains(w)).ToList();
        return position is [var p] && Positions.TryGetValue(p, out var index) && index < Offered.Count ? Answer(faq, Offered[index]) : null;
    }

    /// <summary>
    /// The offered entry a reply in other words is about ("the one about sending it back"), when the person who asked
    /// would take it as the choice: it is the best match of the whole FAQ, near enough to be suggested on its own
    /// (within <see cref="KnowledgeBaseBot.SuggestionBand"/> under the threshold), and clearly ahead of the other offered
    /// entry. Null otherwise: the reply is then read as a question of its own. <paramref name="matches"/> must rank the
    /// whole FAQ, best first.
    /// </summary>
    public FaqEntry? Chosen(IReadOnlyList<FaqMatch> matches, double threshold)
    {
        if (matches is not [var best, ..] || best.Semantic is null || !IsOffered(best) || best.Confidence < threshold - KnowledgeBaseBot.SuggestionBand)
            return null;
        var other = matches.Skip(1).FirstOrDefault(IsOffered);
        return other is null || best.Confidence - other.Confidence >= KnowledgeBaseBot.AmbiguityMargin ? best.Entry : null;
    }

    bool IsOffered(FaqMatch match) => Offered.Contains(match.Entry.Question, StringComparer.OrdinalIgnoreCase);

    /// <summary>The answers of the chosen entries, one after the other; null if an entry left the FAQ since it was offered.</summary>
    static BotOutcome? Answer(KnowledgeBaseIndex faq, params string[] questions)
    {
        var entries = questions.Select(faq.Find).ToList();
        return entries.All(e => e is not null) ? BotOutcome.Reply(string.Join("\n\n", entries.Select(e => e!.Answer))) : null;
    }
}
