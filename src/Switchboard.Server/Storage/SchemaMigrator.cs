using System.Data.Common;
using System.Reflection;
using Dapper;

namespace Switchboard.Server.Storage;

/// <summary>
/// Applies the versioned SQL scripts embedded under <c>Storage/Migrations/{sqlite|postgres}/NNNN_name.sql</c>.
/// Each script runs in its own transaction together with its row in <c>schema_migrations</c>, so a failed
/// script leaves the database at the previous version. Running again applies nothing.
/// </summary>
public sealed class SchemaMigrator(Database database, ILogger<SchemaMigrator> logger)
{
    public sealed record Migration(int Version, string Name, string Sql);

    public IReadOnlyList<Migration> Migrations { get; } = Load(database.Provider);

    public int LatestVersion => Migrations[^1].Version;

    /// <summary>Brings the schema to <paramref name="targetVersion"/> (default: the latest) and returns the versions applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken, int? targetVersion = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var tx = await connection.BeginTransactionAsync(cancellationToken))
        {
            // Under the lock too: two nodes creating the table at once on an empty PostgreSQL database collide in its
            // catalog even with IF NOT EXISTS.
            await LockAsync(connection, tx, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
                transaction: tx, cancellationToken: cancellationToken));
            await tx.CommitAsync(cancellationToken);
        }

        var applied = new List<int>();
        foreach (var migration in Migrations.Where(m => m.Version <= (targetVersion ?? int.MaxValue)))
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            // Several nodes may start at once: the first takes the lock, the others then see the version applied.
            await LockAsync(connection, tx, cancellationToken);
            var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", migration, tx, cancellationToken: cancellationToken));
            if (done > 0)
            {
                await tx.RollbackAsync(cancellationToken);
                continue;
            }
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @now)",
                new { migration.Version, migration.Name, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, tx, cancellationToken: cancellationToken));
            await tx.CommitAsync(cancellationToken);
            applied.Add(migration.Version);
            StorageLog.MigrationApplied(logger, migration.Version, migration.Name);
        }
        return applied;
    }

    /// <summary>Held until the transaction ends; PostgreSQL only (SQLite is one node, and its writes are serialized anyway).</summary>
    Task LockAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken) =>
        database.Provider == DatabaseProvider.Postgres
            ? connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(7312001)", transaction: tx, cancellationToken: cancellationToken))
            : Task.CompletedTask;

    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", cancellationToken: cancellationToken));
    }

    static IReadOnlyList<Migration> Load(DatabaseProvider provider)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var folder = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        var prefix = $"{assembly.GetName().Name}.Storage.Migrations.{folder}.";
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..^".sql".Length];
                // Resource names turn a leading digit into "_": accept both "0001_core" and "_0001_core".
                var parts = file.TrimStart('_').Split('_', 2);
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new Migration(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1], reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();
        if (migrations.Count == 0) throw new InvalidOperationException($"No migrations embedded for {folder}.");
        // Versions only have to increase: a feature branch numbers its script after the ones other branches are
        // adding (the merge renumbers), so it runs on its own with a gap. Two scripts with one number are a mistake.
        for (var i = 1; i < migrations.Count; i++)
            if (migrations[i].Version == migrations[i - 1].Version)
                throw new InvalidOperationException($"Two migrations have version {migrations[i].Version}.");
        return migrations;
    }
}
