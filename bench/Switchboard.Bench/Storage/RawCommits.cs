using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Switchboard.Bench.Load;

namespace Switchboard.Bench.Storage;

/// <summary>
/// The storage baseline: single-row INSERT transactions from one connection, committed one by one, on the same
/// database settings Switchboard uses (SQLite WAL with synchronous=NORMAL; the bench's PostgreSQL).
/// </summary>
public static class RawCommits
{
    public static async Task<double> MeasureAsync(BenchOptions options, Targets.BenchPaths paths, int transactions, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(options, paths, cancellationToken);
        await ExecuteAsync(connection, "CREATE TABLE bench_rows (id BIGINT PRIMARY KEY, body TEXT NOT NULL)", cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO bench_rows (id, body) VALUES (@id, @body)";
        var id = insert.CreateParameter(); id.ParameterName = "id"; insert.Parameters.Add(id);
        var body = insert.CreateParameter(); body.ParameterName = "body"; body.Value = "Benchmark message: hello, where is my order?"; insert.Parameters.Add(body);

        // Synchronous calls: the ceiling of the database and its driver, without async machinery on top.
        var start = Clock.Now;
        for (var i = 1; i <= transactions; i++)
        {
            using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            id.Value = (long)i;
            insert.ExecuteNonQuery();
            tx.Commit();
        }
        return transactions / (Clock.Ms(start, Clock.Now) / 1000.0);
    }

    static async Task<DbConnection> OpenAsync(BenchOptions options, Targets.BenchPaths paths, CancellationToken cancellationToken)
    {
        if (options.Database == "sqlite")
        {
            var sqlite = new SqliteConnection($"Data Source={Path.Combine(paths.Work, $"raw-{Guid.NewGuid():N}.db")};Pooling=false");
            await sqlite.OpenAsync(cancellationToken);
            await ExecuteAsync(sqlite, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", cancellationToken);
            return sqlite;
        }
        var admin = options.PostgresConnectionString ?? throw new ArgumentException("--db postgres needs SWITCHBOARD_BENCH_POSTGRES or --pg.");
        var name = "raw_" + Guid.NewGuid().ToString("N")[..12];
        await using (var create = new NpgsqlConnection(admin))
        {
            await create.OpenAsync(cancellationToken);
            await ExecuteAsync(create, $"CREATE DATABASE {name}", cancellationToken);
        }
        var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
        await pg.OpenAsync(cancellationToken);
        return pg;
    }

    static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
