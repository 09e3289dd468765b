using System.Text.RegularExpressions;

namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// Mends the typos customers make in the FAQ's own words before a question is embedded: "forgot my pasword" reads as
/// "forgot my password". The sentence-embedding model splits a word it does not know into pieces and loses its
/// meaning, so one typo can take a short question under the threshold. A word is mended only when the model does not
/// know it (it is not in the model's vocabulary, so most likely misspelt), it is not a word of the FAQ itself, and
/// exactly one word of the FAQ is one edit away (a letter added, dropped, changed, or two swapped) with the same first
/// letter (customers seldom get the first letter wrong, and that keeps "pinches" from becoming "inches"). A word of
/// the FAQ plus "s" ("refunds", "whats") is left as it is.
/// </summary>
public sealed partial class FaqSpelling
{
    const int ShortestWord = 4;

    readonly HashSet<string> faqWords;
    readonly Func<string, bool> modelKnows;

    public FaqSpelling(IEnumerable<FaqEntry> entries, Func<string, bool> modelKnows)
    {
        this.modelKnows = modelKnows;
        faqWords = entries
            .SelectMany(e => new[] { e.Question, e.Answer }.Concat(e.Phrasings))
            .SelectMany(HandoffPhrases.Words)
            .Where(w => w.Length >= ShortestWord && w.All(char.IsLetter))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary><paramref name="text"/> with its misspelt FAQ words mended; everything else (case, punctuation) as typed.</summary>
    public string Correct(string text) => Letters().Replace(text, m => Mend(m.Value.ToLowerInvariant()) ?? m.Value);

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Letters();

    string? Mend(string word)
    {
        if (word.Length < ShortestWord || faqWords.Contains(word) || modelKnows(word)) return null;
        if (word.EndsWith('s') && faqWords.Contains(word[..^1])) return null;
        string? only = null;
        foreach (var candidate in faqWords)
        {
            if (candidate[0] != word[0] || !OneEditApart(word, candidate)) continue;
            if (only is not null) return null; // two words fit: guessing could be wrong
            only = candidate;
        }
        return only;
    }

    /// <summary>Whether one insertion, deletion, substitution or swap of neighbours turns <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static bool OneEditApart(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1) return false;
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        if (a.Length == b.Length)
        {
            var rest = a.AsSpan(prefix + 1).SequenceEqual(b.AsSpan(prefix + 1));
            var swapped = prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a.AsSpan(prefix + 2).SequenceEqual(b.AsSpan(prefix + 2));
            return rest || swapped;
        }
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(prefix + 1).SequenceEqual(shorter.AsSpan(prefix));
    }
}
