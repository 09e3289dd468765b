namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// Ranks FAQ entries for a question with two signals. The keyword signal is BM25F (the question and the answer are
/// separate fields, the question weighted higher) with a coverage score: how much of the query's information (idf
/// mass) the entry covers, so an off-topic question scores low whatever its BM25 score. The semantic signal (when the
/// index has a <see cref="SemanticIndex"/>) is the cosine similarity of sentence embeddings, which sees that a
/// "voucher" is a gift card. With embeddings the confidence is the semantic signal alone (clamped to 0..1); the keyword
/// signal is still computed and shown (GET /faq/search) but does not count: on faq-paraphrases.json adding it (weights
/// 0.02–0.1) moved paraphrases to entries that shared a word with them and lifted near-domain off-topic questions
/// ("do you sell cars?") over the threshold. Without embeddings the confidence is the keyword coverage alone.
/// </summary>
public sealed class KnowledgeBaseIndex
{

    const double K1 = 1.2;
    const double B = 0.75;
    const double QuestionWeight = 2.0;
    const double AnswerWeight = 1.0;
    const double UnknownWordWeight = 0.35;

    readonly IReadOnlyList<Doc> docs;
    readonly Dictionary<string, int> documentFrequency = new(StringComparer.Ordinal);
    readonly double averageLength;

    readonly SemanticIndex? semantic;
    readonly FaqSpelling? spelling;

    public KnowledgeBaseIndex(IEnumerable<FaqEntry> entries, SemanticIndex? semantic = null)
    {
        this.semantic = semantic;
        var list = entries.ToList();
        if (semantic is not null) spelling = new FaqSpelling(list, semantic.Knows);
        docs = list.Select(e => new Doc(e, Frequencies(TextAnalyzer.Terms(e.Question)), Frequencies(TextAnalyzer.Terms(e.Answer)))).ToList();
        foreach (var doc in docs)
            foreach (var term in doc.Question.Keys.Union(doc.Answer.Keys))
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        averageLength = docs.Count == 0 ? 1 : docs.Average(d => d.WeightedLength);
    }

    public int Count => docs.Count;

    /// <summary>The entry asking <paramref name="question"/> (a tapped button's text), if it is still in the FAQ.</summary>
    public FaqEntry? Find(string question) =>
        docs.Select(d => d.Entry).FirstOrDefault(e => string.Equals(e.Question, question, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether questions are matched by meaning (sentence embeddings) as well as by their words.</summary>
    public bool IsSemantic => semantic is not null;

    /// <summary>The question as matched by meaning: with typos of the FAQ's own words mended (<see cref="FaqSpelling"/>).</summary>
    public string ReadAs(string query) => spelling?.Correct(query) ?? query;

    /// <summary>
    /// Entries matching <paramref name="query"/>, best first. With embeddings this embeds the query (a few
    /// milliseconds of CPU): call it from a job or an admin's request.
    /// </summary>
    public IReadOnlyList<FaqMatch> Search(string query, int take = 3, CancellationToken cancellationToken = default)
    {
        var terms = TextAnalyzer.Terms(query).Distinct(StringComparer.Ordinal).ToList();
        if (docs.Count == 0 || (terms.Count == 0 && semantic is null)) return [];
        // A word the FAQ never uses still counts against coverage, but only partly: customers add words the FAQ
        // cannot know ("company", "visit"); an off-topic question has no known word at all and never matches.
        var unknownIdf = UnknownWordWeight * Idf(0);
        var totalIdf = terms.Sum(t => documentFrequency.TryGetValue(t, out var df) ? Idf(df) : unknownIdf);
        var keyword = docs.Select(d => new FaqMatch(d.Entry, Score(d, terms),
            totalIdf == 0 ? 0 : terms.Sum(t => d.Coverage(t) * Idf(documentFrequency.GetValueOrDefault(t))) / totalIdf));
        if (semantic is null)
            return keyword.Where(m => m.Score > 0).OrderByDescending(m => m.Score).ThenBy(m => m.Entry.Id).Take(take).ToList();
        var similarity = semantic.Similarities(ReadAs(query), cancellationToken);
        return keyword
            .Select(m => (Match: m, Meaning: similarity[m.Entry.Id]))
            .Select(x => x.Match with
            {
                Semantic = x.Meaning.Similarity,
                Confidence = Math.Clamp(x.Meaning.Similarity, 0, 1),
                MatchedSentence = x.Meaning.Sentence,
            })
            .OrderByDescending(m => m.Confidence)
            .ThenByDescending(m => m.Keyword)
            .ThenBy(m => m.Entry.Id)
            .Take(take)
            .ToList();
    }

    double Score(Doc d, IReadOnlyList<string> terms)
    {
        var norm = 1 - B + B * d.WeightedLength / averageLength;
        var score = 0.0;
        foreach (var t in terms)
        {
            var tf = QuestionWeight * d.Question.GetValueOrDefault(t) + AnswerWeight * d.Answer.GetValueOrDefault(t);
            if (tf == 0) continue;
            score += Idf(documentFrequency[t]) * tf * (K1 + 1) / (tf + K1 * norm);
        }
        return score;
    }

    /// <summary>BM25's idf, always positive (Lucene's variant).</summary>
    double Idf(int df) => Math.Log(1 + (docs.Count - df + 0.5) / (df + 0.5));

    static Dictionary<string, int> Frequencies(IEnumerable<string> terms) =>
        terms.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    sealed record Doc(FaqEntry Entry, Dictionary<string, int> Question, Dictionary<string, int> Answer)
    {
        public double WeightedLength { get; } = QuestionWeight * Question.Values.Sum() + AnswerWeight * Answer.Values.Sum();
        /// <summary>
        /// How much a matched term says this entry is the topic: fully when the question names it, half when
        /// only the answer mentions it in passing ("apply" in "Apply code" is not about job applications).
        /// </summary>
        public double Coverage(string term) => Question.ContainsKey(term) ? 1.0 : Answer.ContainsKey(term) ? 0.5 : 0.0;
    }
}

/// <summary>An FAQ entry as the bot reads it; <see cref="Phrasings"/> are other ways customers ask its question.</summary>
public sealed record FaqEntry(long Id, string Question, string Answer)
{
    public IReadOnlyList<string> Phrasings { get; init; } = [];
}

/// <summary>
/// A ranked entry. <see cref="Keyword"/> (0..1) is the share of the query's information its words cover and
/// <see cref="Score"/> its BM25F score; <see cref="Semantic"/> the cosine similarity of meaning (null without
/// embeddings); <see cref="Confidence"/> (0..1) combines them (see <see cref="KnowledgeBaseIndex"/>).
/// <see cref="MatchedSentence"/> is the asking sentence of a longer message that matched better than the whole message.
/// </summary>
public sealed record FaqMatch(FaqEntry Entry, double Score, double Keyword)
{
    public double Confidence { get; init; } = Keyword;
    public double? Semantic { get; init; }
    public string? MatchedSentence { get; init; }
}
