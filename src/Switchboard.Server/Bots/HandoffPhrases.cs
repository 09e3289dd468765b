namespace Switchboard.Server.Bots;

/// <summary>
/// "I want to talk to a human": phrases that hand off at once, whatever the engine. A phrase matches as whole words in
/// order (a plural "s" allowed), case-insensitively, so "agent" matches "an agent please" and "agents", but "person"
/// does not match "personal".
/// </summary>
public static class HandoffPhrases
{
    public static readonly IReadOnlyList<string> BuiltIn = ["human", "agent", "operator", "person"];

    public static bool Matches(string text, IReadOnlyList<string> extra)
    {
        var words = Words(text);
        return BuiltIn.Concat(extra).Any(phrase => Contains(words, Words(phrase)));
    }

    /// <summary>Lowercase runs of letters and digits; apostrophes are dropped inside words ("don't" → "dont").</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch)) word.Append(char.ToLowerInvariant(ch));
            else if (ch is '\'' or '’') continue;
            else if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    static bool Contains(IReadOnlyList<string> words, IReadOnlyList<string> phrase)
    {
        if (phrase.Count == 0) return false;
        for (var start = 0; start + phrase.Count <= words.Count; start++)
        {
            var all = true;
            for (var i = 0; i < phrase.Count && all; i++)
                all = words[start + i] == phrase[i] || words[start + i] == phrase[i] + "s";
            if (all) return true;
        }
        return false;
    }
}
