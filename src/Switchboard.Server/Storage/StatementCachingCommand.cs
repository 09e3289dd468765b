using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Switchboard.Server.Storage;

/// <summary>
/// What Dapper gets from <see cref="StatementCachingConnection.CreateCommand"/>: it collects the text and parameters like
/// any command, and at execution hands them to the connection's compiled command for that text.
/// </summary>
sealed class StatementCachingCommand(StatementCachingConnection connection) : DbCommand
{
    // Holds the parameters until execution (SqliteParameterCollection cannot be created on its own); never executed.
    readonly SqliteCommand parameters = new();

    [AllowNull]
    public override string CommandText { get; set; } = "";
    public override int CommandTimeout { get; set; } = 30;
    public override CommandType CommandType { get; set; } = CommandType.Text;
    public override bool DesignTimeVisible { get; set; }
    public override UpdateRowSource UpdatedRowSource { get; set; }
    protected override DbConnection? DbConnection { get => connection; set { } }
    protected override DbParameterCollection DbParameterCollection => parameters.Parameters;
    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel() { }
    public override void Prepare() { }
    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    public override int ExecuteNonQuery()
    {
        var (command, cached) = Ready();
        try
        {
            return command.ExecuteNonQuery();
        }
        finally
        {
            Done(command, cached);
        }
    }

    public override object? ExecuteScalar()
    {
        var (command, cached) = Ready();
        try
        {
            return command.ExecuteScalar();
        }
        finally
        {
            Done(command, cached);
        }
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        var (command, cached) = Ready();
        try
        {
            var reader = command.ExecuteReader(behavior);
            // The compiled statement stays busy until this reader is closed; the parameters stay bound until then too.
            if (cached) connection.ReaderOpened(command, reader);
            return reader;
        }
        catch
        {
            Done(command, cached);
            throw;
        }
    }

    (SqliteCommand Command, bool Cached) Ready()
    {
        var (command, cached) = connection.Borrow(CommandText);
        command.Transaction = (SqliteTransaction?)DbTransaction;
        command.CommandTimeout = CommandTimeout;
        command.Parameters.Clear();
        foreach (SqliteParameter parameter in parameters.Parameters) command.Parameters.Add(parameter);
        return (command, cached);
    }

    /// <summary>A cached command keeps its compiled statements but not this execution's values or transaction.</summary>
    static void Done(SqliteCommand command, bool cached)
    {
        if (!cached)
        {
            command.Dispose();
            return;
        }
        command.Parameters.Clear();
        command.Transaction = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) parameters.Dispose();
        base.Dispose(disposing);
    }
}
