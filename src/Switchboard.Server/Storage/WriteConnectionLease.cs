using System.Data.Common;

namespace Switchboard.Server.Storage;

/// <summary>The connection one write batch runs on: gives a pooled connection back at the end; the shared SQLite writer stays open.</summary>
readonly struct WriteConnectionLease(DbConnection connection, bool shared) : IAsyncDisposable
{
    public DbConnection Connection => connection;

    public ValueTask DisposeAsync() => shared ? ValueTask.CompletedTask : connection.DisposeAsync();
}
