using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OpenAI.Chat;
using Switchboard.Core.Messages;
using Switchboard.Server.Bots.KnowledgeBase;

namespace Switchboard.Server.Bots.Llm;

/// <summary>
/// The chat the LLM bot sends: a system message (the workspace's prompt or ours, and the relevant FAQ entries, numbered
/// so the model can cite them), then the conversation's recent messages as user (customer) and assistant (bot and
/// operators) turns.
/// </summary>
public static partial class LlmPrompt
{
    public const string DefaultSystemPrompt =
        "You are the customer support assistant of {workspace}. Answer briefly and politely, in the customer's language. " +
        "Answer only from the FAQ entries below and the conversation; never invent policies, prices or dates. " +
        "If you cannot answer from them, or the customer wants a person, call the handoff_to_human tool instead of answering.";

    const string CiteInstruction = "End your answer with the number of the FAQ entry you used in brackets, like [1].";

    /// <summary>
    /// The FAQ entries relevant to the customer's message: the best <paramref name="take"/>, retrieved by the knowledge
    /// base's own ranking, whose confidence reaches the workspace's threshold or, matched by meaning, the band just under
    /// it where the knowledge-base bot would ask "Did you mean this?" (<see cref="KnowledgeBaseBot.SuggestionBand"/>).
    /// The model reads those entries and judges, as the customer would, whether one answers; it hands off if none does.
    /// </summary>
    public static IReadOnlyList<FaqMatch> Relevant(BotTurn turn, int take, CancellationToken cancellationToken) =>
        take > 0
            ? turn.Faq.Search(turn.Message.Text, take, cancellationToken).Where(m => m.Confidence >= Floor(m, turn.Config.ConfidenceThreshold)).ToList()
            : [];

    static double Floor(FaqMatch match, double threshold) => match.Semantic is null ? threshold : threshold - KnowledgeBaseBot.SuggestionBand;

    public static IReadOnlyList<ChatMessage> Build(BotTurn turn, IReadOnlyList<FaqMatch> matches)
    {
        var system = new StringBuilder((turn.Config.Llm.SystemPrompt ?? DefaultSystemPrompt).Replace("{workspace}", turn.WorkspaceName, StringComparison.Ordinal));
        if (matches.Count > 0)
        {
            system.Append("\n\nFAQ entries that may help (best match first). ").Append(CiteInstruction);
            for (var i = 0; i < matches.Count; i++)
                system.Append(CultureInfo.InvariantCulture, $"\n\n[{i + 1}] Q: ").Append(matches[i].Entry.Question).Append("\nA: ").Append(matches[i].Entry.Answer);
        }
        else system.Append("\n\nNo FAQ entry matches this question.");

        var messages = new List<ChatMessage> { new SystemChatMessage(system.ToString()) };
        foreach (var m in turn.History)
        {
            messages.Add(m.SenderRole switch
            {
                SenderRole.Customer => new UserChatMessage(m.Text),
                // An operator's words are the support side's too; naming them keeps the model from taking them as its own promises.
                SenderRole.Operator => new AssistantChatMessage($"[{m.SenderName ?? "Operator"}, a human colleague] {m.Text}"),
                _ => new AssistantChatMessage(m.Text),
            });
        }
        return messages;
    }

    /// <summary>
    /// The reply as stored: the model's <c>[n]</c> markers of entries it was given become one source line naming their
    /// questions, which the customer can read and the operator can check; markers of entries it was not given are dropped.
    /// </summary>
    public static string Cite(string reply, IReadOnlyList<FaqMatch> matches)
    {
        var cited = new List<string>();
        var text = Marker().Replace(reply, m =>
        {
            if (int.TryParse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= matches.Count
                && !cited.Contains(matches[n - 1].Entry.Question)) cited.Add(matches[n - 1].Entry.Question);
            return "";
        }).Trim();
        return cited.Count == 0 || text.Length == 0 ? text : $"{text}\n\nSource: {string.Join("; ", cited.Select(q => $"FAQ “{q}”"))}";
    }

    [GeneratedRegex(@"\s*\[(\d{1,2})\]")]
    private static partial Regex Marker();
}
