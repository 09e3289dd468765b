using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Switchboard.Server.Storage;

/// <summary>
/// The one way into the database: connections, consistent multi-query reads (<see cref="ReadAsync{T}"/>) and
/// group-committed write transactions (<see cref="WriteTransactionAsync{T}"/>). It knows nothing of events:
/// the event log's writer appends them inside a write transaction.
/// </summary>
public sealed partial class Database : IAsyncDisposable
{
    readonly string connectionString;
    readonly NpgsqlDataSource? npgsql;
    readonly ConcurrentDictionary<long, WriteLane> lanes = new();
    readonly bool lanePerWorkspace;
    readonly int maxWriteBatch;
    readonly ILogger logger;
    readonly StorageMetrics? metrics;
    bool walEnabled;
    // SQLite: one long-lived connection for every write, used only by the (process-wide) write lane. A pooled
    // connection's page cache is thrown away whenever another connection has committed, so alternating writers
    // re-read their b-tree pages on every transaction; the one writer's cache stays valid across its own commits.
    // It also keeps its statements compiled (see StatementCachingConnection).
    StatementCachingConnection? writer;
    const int WriterStatements = 256;

    static Database() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public Database(IOptions<DatabaseOptions> options, ILogger<Database>? logger = null, StorageMetrics? metrics = null)
    {
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        this.metrics = metrics;
        maxWriteBatch = options.Value.MaxWriteBatch;
        Provider = options.Value.Provider;
        connectionString = options.Value.ResolveConnectionString();
        if (Provider == DatabaseProvider.Postgres) npgsql = NpgsqlDataSource.Create(WithAutoPrepare(connectionString));
        else connectionString = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, DefaultTimeout = 30 }.ToString();
        // SQLite has one writer per file, so one lane for the process; PostgreSQL serializes per workspace row, and a
        // lane per workspace keeps waiting writers from holding pooled connections.
        lanePerWorkspace = Provider == DatabaseProvider.Postgres;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>
    /// PostgreSQL parses and plans every statement again unless it is prepared; Npgsql prepares the ones a connection
    /// runs repeatedly (a write runs the same dozen) when asked to. An explicit setting in the connection string wins.
    /// </summary>
    static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 64;
        if (!connectionString.Contains("Auto Prepare Min Usages", StringComparison.OrdinalIgnoreCase)) builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

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
    /// Runs <paramref name="work"/> in a write transaction of <paramref name="workspaceId"/>'s lane (0: no workspace),
    /// possibly together with other waiting writes (group commit, see <see cref="WriteLane"/>). The task completes
    /// once the transaction holding the write has committed; <paramref name="committed"/> runs just before that, in
    /// commit order across the batch. The event log's writer builds on this; plain writes that append no event use
    /// it directly.
    /// </summary>
    public Task<T> WriteTransactionAsync<T>(long workspaceId, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken,
        Action<T>? committed = null) =>
        WriteBatchAsync(workspaceId, batch => work(batch.Connection, batch.Transaction), cancellationToken, committed);

    /// <summary>
    /// <see cref="WriteTransactionAsync{T}"/> for work that shares state with the other writes of its batch (the event
    /// log's writer: the workspace's seq, known after the first of them).
    /// </summary>
    public Task<T> WriteBatchAsync<T>(long workspaceId, Func<WriteBatch, Task<T>> work, CancellationToken cancellationToken, Action<T>? committed = null)
    {
        var lane = lanes.GetOrAdd(lanePerWorkspace ? workspaceId : 0,
            static (_, db) => new WriteLane(db.LeaseWriteConnectionAsync, db.maxWriteBatch, db.metrics, db.logger), this);
        return lane.WriteAsync(work, committed, cancellationToken);
    }

    /// <summary>Runs work in a transaction that belongs to no workspace (creating one, migrations of data).</summary>
    public Task<T> WriteGlobalAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        WriteTransactionAsync(0, work, cancellationToken);

    /// <summary>The connection a write runs on (called only by a write lane): SQLite's one writer, or a pooled PostgreSQL connection.</summary>
    async Task<WriteConnectionLease> LeaseWriteConnectionAsync(CancellationToken cancellationToken)
    {
        if (npgsql is not null) return new WriteConnectionLease(await OpenAsync(cancellationToken), shared: false);
        // A writer left inside a transaction (its rollback failed) would refuse every later BEGIN: replace it.
        if (writer is { State: ConnectionState.Open } && SQLitePCL.raw.sqlite3_get_autocommit(writer.Inner.Handle) == 0)
        {
            await writer.DisposeAsync();
            writer = null;
        }
        if (writer is not { State: ConnectionState.Open })
            writer = new StatementCachingConnection((SqliteConnection)await OpenAsync(cancellationToken), WriterStatements);
        return new WriteConnectionLease(writer, shared: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (writer is not null) await writer.DisposeAsync();
        if (npgsql is not null) await npgsql.DisposeAsync();
        else SqliteConnection.ClearAllPools();
    }
}
