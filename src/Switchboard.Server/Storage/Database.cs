using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Switchboard.Server.Storage;

/// <summary>
/// The one way into the database: connections, consistent multi-query reads (<see cref="ReadAsync{T}"/>) and
/// write transactions behind the write gate (<see cref="WriteTransactionAsync{T}"/>). It knows nothing of events:
/// the event log's writer appends them inside a write transaction.
/// </summary>
public sealed partial class Database : IAsyncDisposable
{
    readonly string connectionString;
    readonly NpgsqlDataSource? npgsql;
    readonly WriteGate gate;
    bool walEnabled;
    // SQLite: one long-lived connection for every write, used only inside the (process-wide) write gate. A pooled
    // connection's page cache is thrown away whenever another connection has committed, so alternating writers
    // re-read their b-tree pages on every transaction; the one writer's cache stays valid across its own commits.
    SqliteConnection? writer;

    static Database() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public Database(IOptions<DatabaseOptions> options)
    {
        Provider = options.Value.Provider;
        connectionString = options.Value.ResolveConnectionString();
        if (Provider == DatabaseProvider.Postgres) npgsql = NpgsqlDataSource.Create(connectionString);
        else connectionString = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, DefaultTimeout = 30 }.ToString();
        // SQLite has one writer per file, so one gate for the process; PostgreSQL serializes per workspace row.
        gate = new WriteGate(perWorkspace: Provider == DatabaseProvider.Postgres);
    }

    public DatabaseProvider Provider { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (npgsql is not null) return await npgsql.OpenConnectionAsync(cancellationToken);
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // WAL lets readers run beside the one writer; it is stored in the file, so setting it once is enough.
        // NORMAL sync in WAL mode loses at most the last commits on power loss, never consistency.
        // Memory-mapped reads: a pooled connection's page cache is dropped whenever another connection commits,
        // and re-reading those pages with pread() took a quarter of the server's CPU under load (see docs/benchmarks.md).
        pragma.CommandText = (walEnabled ? "" : "PRAGMA journal_mode=WAL; ") + "PRAGMA synchronous=NORMAL; PRAGMA mmap_size=1073741824;";
        walEnabled = true;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one read transaction, so several queries see the same
    /// committed state (a snapshot and its cursor agree).
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = Provider == DatabaseProvider.Postgres
            ? await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken)
            : ((SqliteConnection)connection).BeginTransaction(deferred: true);
        var result = await work(connection, tx);
        await tx.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction behind the write gate of <paramref name="workspaceId"/>
    /// (0: no workspace). The event log's writer builds on this; plain writes that append no event use it directly.
    /// </summary>
    public async Task<T> WriteTransactionAsync<T>(long workspaceId, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(workspaceId, cancellationToken))
        {
            await using var lease = await LeaseWriteConnectionAsync(cancellationToken);
            var connection = lease.Connection;
            // SQLite: BEGIN IMMEDIATE takes the write lock up front. PostgreSQL: a workspace writer's row lock does.
            await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            var result = await work(connection, tx);
            await tx.CommitAsync(cancellationToken);
            return result;
        }
    }

    /// <summary>Runs work in a transaction that belongs to no workspace (creating one, migrations of data).</summary>
    public Task<T> WriteGlobalAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        WriteTransactionAsync(0, work, cancellationToken);

    /// <summary>The connection a write runs on (call inside the gate): SQLite's one writer, or a pooled PostgreSQL connection.</summary>
    async Task<WriteConnectionLease> LeaseWriteConnectionAsync(CancellationToken cancellationToken)
    {
        if (npgsql is not null) return new WriteConnectionLease(await OpenAsync(cancellationToken), shared: false);
        // A writer left inside a transaction (its rollback failed) would refuse every later BEGIN: replace it.
        if (writer is { State: ConnectionState.Open } && SQLitePCL.raw.sqlite3_get_autocommit(writer.Handle) == 0)
        {
            await writer.DisposeAsync();
            writer = null;
        }
        if (writer is not { State: ConnectionState.Open }) writer = (SqliteConnection)await OpenAsync(cancellationToken);
        return new WriteConnectionLease(writer, shared: true);
    }

    /// <summary>Gives a pooled connection back at the end of a write; the shared SQLite writer stays open.</summary>
    readonly struct WriteConnectionLease(DbConnection connection, bool shared) : IAsyncDisposable
    {
        public DbConnection Connection => connection;

        public ValueTask DisposeAsync() => shared ? ValueTask.CompletedTask : connection.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (writer is not null) await writer.DisposeAsync();
        if (npgsql is not null) await npgsql.DisposeAsync();
        else SqliteConnection.ClearAllPools();
    }
}
