using Switchboard.Core;

namespace Switchboard.Server.Search;

/// <summary>
/// One part of a query: a word or a "phrase" (its words, space-separated), required or excluded. A prefix term also
/// finds the words that begin with it ("invoice" finds "invoices", "ship" finds "shipping").
/// </summary>
public sealed record SearchTerm(string Words, bool Excluded, bool Prefix = false);

/// <summary>
/// The text of <c>GET /api/v1/search?q=</c> read the way web search reads it: words (all required), "phrases",
/// and -exclusions (<c>-word</c>, <c>-"a phrase"</c>). An unbalanced quote runs to the end of the query.
/// A required word typed without quotes, of at least <see cref="MinPrefix"/> letters, matches as a prefix: people type
/// "refund" for "refunds" and "ship" for "shipped" (there is no stemming: the index serves every language alike).
/// Quotes ask for the exact word; exclusions are exact, so "-red" never drops "reduced".
/// Every term is reduced to its words (runs of letters and digits), so nothing the user types reaches a database's
/// query syntax: not FTS5's operators (NEAR, *, :, ^, AND/OR/NOT) nor tsquery's. "or" is a word like any other.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 200;
    public const int MaxTerms = 16;
    /// <summary>Shorter words match exactly: a one- or two-letter prefix would match most of the index.</summary>
    public const int MinPrefix = 3;

    SearchQuery(IReadOnlyList<SearchTerm> terms) => Terms = terms;

    public IReadOnlyList<SearchTerm> Terms { get; }

    public IEnumerable<SearchTerm> Required => Terms.Where(t => !t.Excluded);

    public static SearchQuery Parse(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
            throw new DomainException("search_query_empty", "q must name at least one word to find.", DomainErrorKind.Invalid);
        if (q.Length > MaxLength)
            throw new DomainException("search_query_too_long", $"q must be at most {MaxLength} characters.", DomainErrorKind.Invalid);

        var terms = new List<SearchTerm>();
        var i = 0;
        while (i < q.Length)
        {
            if (char.IsWhiteSpace(q[i]) || char.IsControl(q[i])) { i++; continue; }
            var excluded = q[i] == '-' && i + 1 < q.Length && !char.IsWhiteSpace(q[i + 1]);
            if (excluded) i++;
            int end;
            string part;
            var quoted = q[i] == '"';
            if (quoted)
            {
                end = q.IndexOf('"', i + 1);
                if (end < 0) end = q.Length;
                part = q[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                end = i;
                while (end < q.Length && !char.IsWhiteSpace(q[end]) && q[end] != '"') end++;
                part = q[i..end];
                i = end;
            }
            // A term with no letter or digit ("*", "-", ":") finds nothing on either database: it is dropped, not an error.
            var words = SearchText.Words(part);
            if (words.Count > 0)
                terms.Add(new SearchTerm(string.Join(' ', words), excluded, !quoted && !excluded && words.Count == 1 && SearchText.Fold(words[0]).Length >= MinPrefix));
        }
        if (!terms.Any(t => !t.Excluded))
            throw new DomainException("search_query_empty", "q must name at least one word to find (exclusions alone find nothing).", DomainErrorKind.Invalid);
        if (terms.Count > MaxTerms)
            throw new DomainException("search_query_too_long", $"q may have at most {MaxTerms} words and phrases.", DomainErrorKind.Invalid);
        return new SearchQuery(terms);
    }

    /// <summary>
    /// The FTS5 MATCH expression: every term a double-quoted string (FTS5 reads its content as plain tokens, a phrase),
    /// followed by <c>*</c> when it is a prefix, the required ones ANDed, each exclusion a NOT. Terms hold letters,
    /// digits and spaces only; quotes are doubled anyway.
    /// </summary>
    public string ToFts5()
    {
        static string Quote(SearchTerm t) => "\"" + t.Words.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (t.Prefix ? "*" : "");
        var required = "(" + string.Join(" AND ", Required.Select(Quote)) + ")";
        return string.Concat(Terms.Where(t => t.Excluded).Select(t => " NOT " + Quote(t)).Prepend(required));
    }

    /// <summary>
    /// A PostgreSQL tsquery expression built from functions over parameters (never from the user's text):
    /// each term a <c>phraseto_tsquery</c> over the folded words (a prefix term: its one folded word quoted as a
    /// literal and marked <c>:*</c>), ANDed, exclusions negated with <c>!!</c>.
    /// </summary>
    public string ToTsQuery(Dapper.DynamicParameters args)
    {
        var parts = new List<string>();
        for (var n = 0; n < Terms.Count; n++)
        {
            args.Add($"term{n}", Terms[n].Words);
            var query = Terms[n].Prefix
                ? $"to_tsquery('simple'::regconfig, quote_literal(sb_search_fold(@term{n})) || ':*')"
                : $"phraseto_tsquery('simple'::regconfig, sb_search_fold(@term{n}))";
            parts.Add(Terms[n].Excluded ? "!! " + query : query);
        }
        return "(" + string.Join(" && ", parts) + ")";
    }
}
