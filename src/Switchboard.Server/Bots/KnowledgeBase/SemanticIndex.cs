using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// The semantic half of the knowledge base: each entry's texts as sentence embeddings (<see cref="TextsOf"/>), and the
/// similarity of a question to an entry as the mean of two cosines: to the closest way of asking it (the entry's
/// question or a phrasing) and to the question with its answer (what the entry is about). Requiring both keeps a
/// question that is only worded like an entry ("do you sell cars?" / "Do you sell gift cards?") or only about the
/// same domain ("what's the time in Tokyo?" / opening hours) below the threshold. Cosine similarity does not depend on
/// how many entries a workspace has, which is what lets one threshold mean the same everywhere.
/// </summary>
public sealed class SemanticIndex(ITextEmbedder embedder, IReadOnlyDictionary<long, float[][]> vectors)
{
    /// <summary>
    /// What is embedded of an entry: its question (the way customers ask), its question with its answer (what it is
    /// about: "send back" meets "return an item ... refund"), and each phrasing operators added.
    /// </summary>
    public static IEnumerable<string> TextsOf(FaqEntry entry) => [entry.Question, entry.Question + "\n" + entry.Answer, .. entry.Phrasings];

    /// <summary>The key a text's vector is stored under: equal texts share a vector, an edited text gets a new one.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    public string Model => embedder.Model;

    /// <summary>Whether the model knows <paramref name="word"/> as a whole word (<see cref="ITextEmbedder.Knows"/>).</summary>
    public bool Knows(string word) => embedder.Knows(word);

    /// <summary>
    /// Entry id → similarity of <paramref name="query"/> to the entry (-1..1): the mean of its cosine to the closest way
    /// of asking (question or phrasing) and its cosine to the question with the answer (vectors in
    /// <see cref="TextsOf"/>'s order). For a message of several sentences, the better of the whole message's similarity
    /// and each asking sentence's (<see cref="AskingSentences"/>), embedded together in one call; the match names the
    /// sentence when it was the better.
    /// </summary>
    public IReadOnlyDictionary<long, SemanticMatch> Similarities(string query, CancellationToken cancellationToken)
    {
        var sentences = AskingSentences.Of(query);
        var embedded = embedder.Embed([query, .. sentences], cancellationToken);
        return vectors.ToDictionary(kv => kv.Key, kv =>
        {
            var best = new SemanticMatch(Similarity(embedded[0], kv.Value), null);
            for (var i = 0; i < sentences.Count; i++)
                if (Similarity(embedded[i + 1], kv.Value) is var s && s > best.Similarity) best = new SemanticMatch(s, sentences[i]);
            return best;
        });
    }

    static double Similarity(float[] query, float[][] texts)
    {
        var asked = Dot(query, texts[0]);
        for (var i = 2; i < texts.Length; i++) asked = Math.Max(asked, Dot(query, texts[i]));
        return (asked + Dot(query, texts[1])) / 2.0;
    }

    /// <summary>The vectors are unit length, so their dot product is their cosine.</summary>
    static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}

/// <summary>How close a question is to an entry by meaning; <see cref="Sentence"/> is the asking sentence that came closer than the whole message, if one did.</summary>
public readonly record struct SemanticMatch(double Similarity, string? Sentence);
