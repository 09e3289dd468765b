using Dapper;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// A summary of everything stored: the row count of every table and the versions and seqs that move on
/// any change. Equal fingerprints before and after a request mean it wrote nothing.
/// </summary>
public static class DatabaseFingerprint
{
    public static async Task<string> TakeAsync(TestApp app)
    {
        var database = app.Database;
        await using var c = await database.OpenAsync(CancellationToken.None);
        var tables = database.Provider == DatabaseProvider.Postgres
            ? await c.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")
            : await c.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        var parts = new List<string>();
        foreach (var table in tables)
            parts.Add($"{table}={await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}{Scope(table)}")}");
        parts.Add("seq=" + await c.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(last_seq), 0) FROM workspaces"));
        parts.Add("conversations.version=" + await c.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(version), 0) FROM conversations"));
        parts.Add("messages.version=" + await c.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(version), 0) FROM messages"));
        parts.Add("members.version=" + await c.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(version), 0) FROM members"));
        return string.Join(", ", parts);
    }

    // Periodic jobs (idle sweep, cleanups, statistics) are enqueued by the clock at the start of each slot, not by
    // any request: on a slow machine a slot boundary can fall between two fingerprints, so they are not counted.
    static string Scope(string table) => table == "jobs" ? " WHERE dedupe_key IS NULL OR dedupe_key NOT LIKE 'periodic:%'" : "";
}
