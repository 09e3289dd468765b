using System.Data.Common;
using System.Runtime.InteropServices;
using Dapper;

namespace Switchboard.Server.Bots.Faq;

/// <summary>
/// SQL for the stored sentence embeddings of FAQ texts (<c>faq_embeddings</c>), addressed by model and text hash.
/// Vectors are derived data: writing them appends no event, and two nodes embedding the same text at once store one row.
/// </summary>
public static class FaqEmbeddingStore
{
    /// <summary>Every vector of <paramref name="workspaceId"/>, by model, then text hash.</summary>
    public static async Task<IReadOnlyList<(string Model, string TextHash, float[] Vector)>> ListAsync(DbConnection c, DbTransaction? tx, long workspaceId) =>
        (await c.QueryAsync<(string, string, byte[])>(
            "SELECT model, text_hash, vector FROM faq_embeddings WHERE workspace_id = @workspaceId", new { workspaceId }, tx))
        .Select(r => (r.Item1, r.Item2, MemoryMarshal.Cast<byte, float>(r.Item3).ToArray())).ToList();

    public static async Task SaveAsync(DbConnection c, DbTransaction tx, long workspaceId, string model, IEnumerable<(string TextHash, float[] Vector)> vectors)
    {
        foreach (var (textHash, vector) in vectors)
            await c.ExecuteAsync("""
                INSERT INTO faq_embeddings (workspace_id, model, text_hash, vector) VALUES (@workspaceId, @model, @textHash, @bytes)
                ON CONFLICT (workspace_id, model, text_hash) DO NOTHING
                """, new { workspaceId, model, textHash, bytes = MemoryMarshal.AsBytes(vector.AsSpan()).ToArray() }, tx);
    }

    public static async Task DeleteAsync(DbConnection c, DbTransaction tx, long workspaceId, IEnumerable<(string Model, string TextHash)> keys)
    {
        foreach (var (model, textHash) in keys)
            await c.ExecuteAsync("DELETE FROM faq_embeddings WHERE workspace_id = @workspaceId AND model = @model AND text_hash = @textHash",
                new { workspaceId, model, textHash }, tx);
    }
}
