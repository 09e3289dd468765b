namespace Switchboard.Server.Storage;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Bound from the <c>Database</c> section and the <c>--database</c>, <c>--connection-string</c> and <c>--data</c> switches.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>PostgreSQL connection string, or an explicit SQLite one; when empty SQLite uses <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>Folder for the SQLite file (created if missing).</summary>
    public string DataDirectory { get; set; } = "data";
    /// <summary>
    /// Most writes one transaction commits together (group commit). Bounds how long the last write of a busy batch
    /// waits for the ones before it; 1 turns group commit off.
    /// </summary>
    public int MaxWriteBatch { get; set; } = 64;

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString)) return ConnectionString;
        if (Provider == DatabaseProvider.Postgres)
            throw new InvalidOperationException("--database postgres needs --connection-string.");
        Directory.CreateDirectory(DataDirectory);
        return $"Data Source={Path.Combine(Path.GetFullPath(DataDirectory), "switchboard.db")}";
    }
}
