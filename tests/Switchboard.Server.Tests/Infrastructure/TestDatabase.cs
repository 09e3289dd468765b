namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test: a temporary SQLite folder or a fresh PostgreSQL database. Usually owned
/// by its <see cref="TestApp"/>; a test that restarts the server creates it itself and passes it to each app.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    TestDatabase(DatabaseKind kind, string? connectionString, string? dataDirectory)
    {
        Kind = kind;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
    }

    public DatabaseKind Kind { get; }
    public string? ConnectionString { get; }
    public string? DataDirectory { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind) => kind == DatabaseKind.Postgres
        ? new TestDatabase(kind, await PostgresServer.CreateDatabaseAsync(), null)
        : new TestDatabase(kind, null, Path.Combine(Path.GetTempPath(), "sb-test-" + Guid.NewGuid().ToString("N")));

    public void Configure(Dictionary<string, string?> settings)
    {
        if (Kind == DatabaseKind.Postgres)
        {
            settings["Database:Provider"] = "Postgres";
            settings["Database:ConnectionString"] = ConnectionString;
        }
        else
        {
            settings["Database:Provider"] = "Sqlite";
            settings["Database:DataDirectory"] = DataDirectory;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (ConnectionString is not null) await PostgresServer.DropDatabaseAsync(ConnectionString);
        if (DataDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
