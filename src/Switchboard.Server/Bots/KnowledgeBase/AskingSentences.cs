using System.Text.RegularExpressions;

namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// The sentences of a longer message that ask something. Customers often tell a story before their question ("I bought
/// a jacket eight months ago and the zip has fallen apart. Is that covered by your guarantee?"); embedded whole, the
/// story dilutes the question, so <see cref="SemanticIndex"/> also compares each asking sentence on its own and keeps
/// the closer of the two. Only sentences ending in "?" count: a sentence of the story alone ("It's a present for my
/// mum") says what the customer is talking about, not what they want to know.
/// </summary>
public static partial class AskingSentences
{
    /// <summary>Shorter than this an asking sentence leans on the story ("Why?", "How so?") and says too little alone.</summary>
    const int MinimumWords = 3;

    /// <summary>
    /// Each one costs an embedding (a few milliseconds of the node's one embedding thread): a message of hundreds of
    /// short questions must not hold up every other bot turn. The last ones count: a story comes before its question.
    /// </summary>
    public const int MaximumSentences = 3;

    /// <summary>
    /// The sentences of <paramref name="message"/> that end with a question mark (or "?!") and have at least three words,
    /// the last <see cref="MaximumSentences"/> of them; none when the message is one sentence (the whole message is that
    /// sentence).
    /// </summary>
    public static IReadOnlyList<string> Of(string message)
    {
        var sentences = SentenceEnd().Split(message.Trim());
        if (sentences.Length < 2) return [];
        return sentences
            .Select(s => s.Trim())
            .Where(s => s.TrimEnd('!').EndsWith('?') && s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinimumWords)
            .TakeLast(MaximumSentences)
            .ToList();
    }

    /// <summary>After ".", "!" or "?" (one or more) and a space, or at a line break.</summary>
    [GeneratedRegex(@"(?<=[.!?])\s+|\s*\n\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}
