using System.Data.Common;
using Dapper;

namespace Switchboard.Server.Attachments;

/// <summary>
/// The <c>blobs</c> registry (every stored blob, whatever the backend) and the cleanup's queries: unsent uploads past
/// their age, and blobs no attachment references.
/// </summary>
public static partial class AttachmentStore
{
    /// <summary>Registers a blob, or renews its <c>touched_at</c> when it is already stored, so the cleanup leaves it alone.</summary>
    public static Task<int> TouchBlobAsync(DbConnection c, DbTransaction tx, string sha256, long size, long now, CancellationToken cancellationToken) =>
        c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO blobs (sha256, size, touched_at) VALUES (@sha256, @size, @now)
            ON CONFLICT (sha256) DO UPDATE SET touched_at = excluded.touched_at
            """, new { sha256, size, now }, tx, cancellationToken: cancellationToken));

    /// <summary>Up to <paramref name="limit"/> uploads no message took before <paramref name="before"/> (ms).</summary>
    public static async Task<IReadOnlyList<AttachmentRow>> UnsentBeforeAsync(DbConnection c, DbTransaction? tx, long before, int limit, CancellationToken cancellationToken) =>
        (await c.QueryAsync<AttachmentRow>(new CommandDefinition(
            $"{Select} WHERE message_id IS NULL AND created_at < @before ORDER BY created_at LIMIT {limit}", new { before }, tx,
            cancellationToken: cancellationToken))).ToList();

    public static Task<int> DeleteUnsentAsync(DbConnection c, DbTransaction tx, long id, CancellationToken cancellationToken) =>
        c.ExecuteAsync(new CommandDefinition("DELETE FROM attachments WHERE id = @id AND message_id IS NULL", new { id }, tx, cancellationToken: cancellationToken));

    const string Unreferenced = """
        touched_at < @before
        AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = blobs.sha256)
        AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.thumbnail_sha256 = blobs.sha256)
        """;

    /// <summary>Up to <paramref name="limit"/> blobs no attachment references, untouched since <paramref name="before"/> (ms).</summary>
    public static async Task<IReadOnlyList<string>> UnreferencedBlobsAsync(DbConnection c, DbTransaction? tx, long before, int limit, CancellationToken cancellationToken) =>
        (await c.QueryAsync<string>(new CommandDefinition(
            $"SELECT sha256 FROM blobs WHERE {Unreferenced} ORDER BY touched_at LIMIT {limit}", new { before }, tx, cancellationToken: cancellationToken))).ToList();

    /// <summary>Removes the blob's registration if it is still unreferenced and untouched (an upload may have taken it meanwhile); false then.</summary>
    public static async Task<bool> ForgetBlobAsync(DbConnection c, DbTransaction tx, string sha256, long before, CancellationToken cancellationToken) =>
        await c.ExecuteAsync(new CommandDefinition($"DELETE FROM blobs WHERE sha256 = @sha256 AND {Unreferenced}", new { sha256, before }, tx,
            cancellationToken: cancellationToken)) > 0;
}
