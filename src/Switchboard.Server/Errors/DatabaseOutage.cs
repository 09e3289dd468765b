using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Switchboard.Server.Errors;

/// <summary>
/// Tells a database that cannot be reached or cannot take writes now (PostgreSQL down, restarting or out of
/// connections; SQLite busy past its timeout, out of disk, or its file unreadable) from a bug: the first is
/// answered <c>503 database_unavailable</c> with <c>Retry-After</c>, so a client or balancer retries, not 500.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client is asked to wait before retrying.</summary>
    public const int RetryAfterSeconds = 2;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    // Class 08: connection exception; 53: insufficient resources; 57P0x: shutting down, starting up.
                    if (pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || pg.SqlState is "57P01" or "57P02" or "57P03") return true;
                    return false;
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is Busy or Locked or IoError or Full or CantOpen:
                    return true;
                case SocketException:
                    return true;
            }
        }
        return false;
    }

    const int Busy = 5, Locked = 6, IoError = 10, Full = 13, CantOpen = 14;
}
