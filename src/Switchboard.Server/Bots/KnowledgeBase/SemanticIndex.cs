using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// The semantic half of the knowledge base: each entry's texts as sentence embeddings (<see cref="TextsOf"/>), and the
/// similarity of a question to an entry as the best cosine over them. Cosine similarity does not depend on how many
/// entries a workspace has, which is what lets one threshold mean the same everywhere.
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

    /// <summary>Entry id → cosine similarity of <paramref name="query"/> to the entry's closest text (-1..1).</summary>
    public IReadOnlyDictionary<long, double> Similarities(string query, CancellationToken cancellationToken)
    {
        var q = embedder.Embed([query], cancellationToken)[0];
        return vectors.ToDictionary(kv => kv.Key, kv => kv.Value.Max(v => (double)Dot(q, v)));
    }

    /// <summary>The vectors are unit length, so their dot product is their cosine.</summary>
    static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
