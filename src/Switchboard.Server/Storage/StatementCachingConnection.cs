using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Switchboard.Server.Storage;

/// <summary>
/// The SQLite writer connection as the write lane sees it: the same connection, but a statement it has run before is not
/// compiled again. Microsoft.Data.Sqlite keeps a command's compiled statements only for as long as that command object
/// lives, and Dapper makes a new command for every call, so every statement of every write was parsed and planned anew
/// (SQLite's parser was among the top functions of the write path's profile). Here each command Dapper creates borrows a
/// long-lived <see cref="SqliteCommand"/> kept per SQL text (at most <c>capacity</c>, least recently used evicted);
/// only the parameter values change between runs.
/// Used by one writer at a time (the lane), like the connection itself.
/// </summary>
sealed class StatementCachingConnection(SqliteConnection inner, int capacity) : DbConnection
{
    readonly Dictionary<string, LinkedListNode<SqliteCommand>> bySql = new(StringComparer.Ordinal);
    readonly LinkedList<SqliteCommand> recency = new();
    readonly Dictionary<SqliteCommand, SqliteDataReader> openReaders = new(ReferenceEqualityComparer.Instance);

    public SqliteConnection Inner => inner;

    /// <summary>How many compiled commands are kept (for tests).</summary>
    internal int CachedStatements => recency.Count;

    /// <summary>How many commands were made so far, kept or one-off (for tests): a text run again must not add one.</summary>
    internal int CommandsCreated { get; private set; }

    /// <summary>
    /// The compiled command for <paramref name="sql"/>, or a one-off one while the cached command's last reader is
    /// still open (a query run while iterating another's rows).
    /// </summary>
    internal (SqliteCommand Command, bool Cached) Borrow(string sql)
    {
        if (bySql.TryGetValue(sql, out var node))
        {
            if (openReaders.TryGetValue(node.Value, out var reader) && !reader.IsClosed) return (Create(sql), false);
            openReaders.Remove(node.Value);
            recency.Remove(node);
            recency.AddFirst(node);
            return (node.Value, true);
        }
        var command = Create(sql);
        bySql[sql] = recency.AddFirst(command);
        if (recency.Count > capacity) Evict(recency.Last!);
        return (command, true);
    }

    SqliteCommand Create(string sql)
    {
        CommandsCreated++;
        var command = inner.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    internal void ReaderOpened(SqliteCommand command, SqliteDataReader reader) => openReaders[command] = reader;

    void Evict(LinkedListNode<SqliteCommand> node)
    {
        recency.Remove(node);
        bySql.Remove(node.Value.CommandText);
        openReaders.Remove(node.Value);
        node.Value.Dispose();
    }

    void Forget()
    {
        while (recency.Last is { } node) Evict(node);
    }

    [AllowNull]
    public override string ConnectionString { get => inner.ConnectionString; set => inner.ConnectionString = value; }
    public override string Database => inner.Database;
    public override string DataSource => inner.DataSource;
    public override string ServerVersion => inner.ServerVersion;
    public override ConnectionState State => inner.State;
    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);
    public override void Open() => inner.Open();

    public override void Close()
    {
        Forget();
        inner.Close();
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => inner.BeginTransaction(isolationLevel);
    protected override DbCommand CreateDbCommand() => new StatementCachingCommand(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Forget();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        Forget();
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
