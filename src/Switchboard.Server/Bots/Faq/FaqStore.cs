using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace Switchboard.Server.Bots.Faq;

/// <summary>
/// SQL for FAQ entries. Every change also moves <c>workspaces.faq_revision</c> in the same transaction: the one
/// number each node compares to know whether its cached knowledge-base index is current.
/// </summary>
public static class FaqStore
{
    public static async Task<IReadOnlyList<FaqRow>> ListAsync(DbConnection c, DbTransaction? tx, long workspaceId) =>
        (await c.QueryAsync<FaqRow>($"SELECT {FaqRow.Columns} FROM faq_entries WHERE workspace_id = @workspaceId ORDER BY id", new { workspaceId }, tx)).ToList();

    public static Task<FaqRow?> FindAsync(DbConnection c, DbTransaction? tx, long workspaceId, long id) =>
        c.QuerySingleOrDefaultAsync<FaqRow>($"SELECT {FaqRow.Columns} FROM faq_entries WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id }, tx);

    public static Task<long> RevisionAsync(DbConnection c, DbTransaction? tx, long workspaceId) =>
        c.QuerySingleAsync<long>("SELECT faq_revision FROM workspaces WHERE id = @workspaceId", new { workspaceId }, tx);

    public static Task<long> CountAsync(DbConnection c, DbTransaction? tx, long workspaceId) =>
        c.QuerySingleAsync<long>("SELECT COUNT(*) FROM faq_entries WHERE workspace_id = @workspaceId", new { workspaceId }, tx);

    public static async Task<FaqRow> InsertAsync(DbConnection c, DbTransaction tx, long workspaceId, string question, string answer, long nowMs)
    {
        var row = await c.QuerySingleAsync<FaqRow>($"""
            INSERT INTO faq_entries (workspace_id, question, answer, created_at, updated_at) VALUES (@workspaceId, @question, @answer, @nowMs, @nowMs)
            RETURNING {FaqRow.Columns}
            """, new { workspaceId, question, answer, nowMs }, tx);
        await BumpAsync(c, tx, workspaceId);
        return row;
    }

    /// <summary>Changes the fields given; <paramref name="phrasings"/> (when given) replaces the list, empty clears it.</summary>
    public static async Task<FaqRow?> UpdateAsync(DbConnection c, DbTransaction tx, long workspaceId, long id, string? question, string? answer,
        IReadOnlyList<string>? phrasings, long nowMs)
    {
        var json = phrasings is null ? null : phrasings.Count == 0 ? "" : JsonSerializer.Serialize(phrasings);
        var row = await c.QuerySingleOrDefaultAsync<FaqRow>($"""
            UPDATE faq_entries SET question = COALESCE(@question, question), answer = COALESCE(@answer, answer),
                phrasings = CASE WHEN @json IS NULL THEN phrasings WHEN @json = '' THEN NULL ELSE @json END, updated_at = @nowMs
            WHERE workspace_id = @workspaceId AND id = @id
            RETURNING {FaqRow.Columns}
            """, new { workspaceId, id, question, answer, json, nowMs }, tx);
        if (row is not null) await BumpAsync(c, tx, workspaceId);
        return row;
    }

    public static async Task<bool> DeleteAsync(DbConnection c, DbTransaction tx, long workspaceId, long id)
    {
        var deleted = await c.ExecuteAsync("DELETE FROM faq_entries WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id }, tx);
        if (deleted > 0) await BumpAsync(c, tx, workspaceId);
        return deleted > 0;
    }

    static Task BumpAsync(DbConnection c, DbTransaction tx, long workspaceId) =>
        c.ExecuteAsync("UPDATE workspaces SET faq_revision = faq_revision + 1 WHERE id = @workspaceId", new { workspaceId }, tx);
}
