namespace Switchboard.Server.Bots.Faq;

/// <summary>An FAQ entry; <c>phrasings</c> are other ways customers ask its question, matched like the question.</summary>
public sealed record FaqEntryResponse(long Id, string Question, string Answer, IReadOnlyList<string> Phrasings, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Create (question and answer) or change (the fields given; <c>phrasings</c> replaces the list) an FAQ entry.</summary>
public sealed record FaqEntryRequest(string? Question, string? Answer, IReadOnlyList<string>? Phrasings = null);

/// <summary>Add one way customers ask an entry's question (a question an operator answered after a handoff).</summary>
public sealed record FaqPhrasingRequest(string? Text);

/// <summary>
/// What the knowledge-base bot would make of a question: the best entries, the threshold in force, and what it would
/// do: <c>answer</c> with the first entry, <c>ask</c> which of the first two the customer means, <c>suggest</c> the first
/// ("did you mean …?", just under the threshold), or <c>handoff</c>.
/// <c>model</c> is the sentence-embedding model (null when matching by keywords only); <c>readAs</c> is the question as
/// the bot read it when it mended typos of the FAQ's words ("forgot my pasword" → "forgot my password"), else null.
/// </summary>
public sealed record FaqSearchResponse(IReadOnlyList<FaqMatchResponse> Matches, double ConfidenceThreshold, bool WouldAnswer, string Decision, string? Model, string? ReadAs = null);

/// <summary>
/// One ranked entry: <c>confidence</c> (0..1) is what the threshold is compared with; <c>semantic</c> (cosine
/// similarity of meaning, null without embeddings) and <c>keyword</c> (the share of the question's words the entry
/// covers, 0..1) are the two signals it combines; <c>score</c> is the raw BM25F keyword score. <c>matchedSentence</c> is
/// the sentence of a longer message that matched this entry better than the whole message (its "?" sentences are
/// compared on their own too), else null.
/// </summary>
public sealed record FaqMatchResponse(long Id, string Question, string Answer, double Confidence, double? Semantic, double Keyword, double Score, string? MatchedSentence = null);
