namespace Switchboard.Server.Search;

/// <summary>
/// Cuts the snippet of a hit: a window of the text around the first match, with the matched words as ranges. The
/// answer is plain text plus offsets, never markup, so a client renders the matches as <c>&lt;mark&gt;</c> around text
/// nodes and a message can never inject anything.
/// </summary>
public static class SearchSnippets
{
    /// <summary>Characters shown before the first match, and at most in all (plus the ellipses).</summary>
    const int Lead = 60;
    const int MaxLength = 220;
    const string Ellipsis = "…";

    public static SearchSnippet Cut(string text, SearchQuery query)
    {
        var spans = SearchText.Spans(text);
        var folded = spans.Select(s => SearchText.Fold(text.Substring(s.Start, s.Length))).ToList();
        var matches = new List<(int Start, int End)>();
        foreach (var term in query.Required)
        {
            var words = SearchText.Words(term.Words).Select(SearchText.Fold).ToList();
            for (var i = 0; i + words.Count <= spans.Count; i++)
            {
                // A prefix term marks the whole word it begins ("refund" in "refunds"), as the index matched it.
                if (!words.Select((w, k) => term.Prefix ? folded[i + k].StartsWith(w, StringComparison.Ordinal) : folded[i + k] == w).All(x => x)) continue;
                var last = spans[i + words.Count - 1];
                matches.Add((spans[i].Start, last.Start + last.Length));
            }
        }
        matches.Sort();

        // The window starts at a word boundary a little before the first match, and ends at one.
        var start = 0;
        if (matches.Count > 0 && matches[0].Start > Lead)
            start = spans.First(s => s.Start >= matches[0].Start - Lead).Start;
        var end = text.Length;
        if (end - start > MaxLength)
        {
            var cut = spans.LastOrDefault(s => s.Start > start && s.Start + s.Length <= start + MaxLength);
            end = cut.Length > 0 ? cut.Start + cut.Length : start + MaxLength;
        }
        var prefix = start > 0 ? Ellipsis : "";
        var suffix = end < text.Length ? Ellipsis : "";
        var highlights = Merge(matches)
            .Where(m => m.Start >= start && m.End <= end)
            .Select(m => new SearchHighlight(m.Start - start + prefix.Length, m.End - m.Start))
            .ToList();
        return new SearchSnippet(prefix + text[start..end] + suffix, highlights);
    }

    // Overlapping matches (a word inside a matched phrase) become one range, so a client never nests marks.
    static List<(int Start, int End)> Merge(List<(int Start, int End)> sorted)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var m in sorted)
        {
            if (merged.Count > 0 && m.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, m.End));
            else merged.Add(m);
        }
        return merged;
    }
}
