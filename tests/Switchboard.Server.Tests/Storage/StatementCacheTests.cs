using Dapper;
using Microsoft.Data.Sqlite;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Tests.Storage;

/// <summary>The SQLite writer keeps statements compiled: every call must still run with its own values, transaction and outcome.</summary>
public sealed class StatementCacheTests : IAsyncLifetime
{
    readonly string file = Path.Combine(Path.GetTempPath(), $"statement-cache-{Guid.NewGuid():N}.db");
    StatementCachingConnection connection = null!;

    public async Task InitializeAsync()
    {
        var inner = new SqliteConnection($"Data Source={file};Pooling=False");
        await inner.OpenAsync();
        connection = new StatementCachingConnection(inner, capacity: 4);
        await connection.ExecuteAsync("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
    }

    public async Task DisposeAsync()
    {
        await connection.DisposeAsync();
        File.Delete(file);
    }

    [Fact]
    public async Task AStatementRunManyTimesIsCompiledOnceAndRunsWithEachCallsValuesAndTransaction()
    {
        for (var batch = 0; batch < 3; batch++)
        {
            // A new transaction each time: the kept command must follow the caller's, or SQLite refuses it.
            await using var tx = await connection.BeginTransactionAsync();
            for (var i = 0; i < 50; i++)
                await connection.ExecuteAsync("INSERT INTO items (id, name) VALUES (@id, @name)", new { id = batch * 100 + i, name = $"item {batch}-{i}" }, tx);
            await tx.CommitAsync();
        }
        Assert.Equal(150, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM items"));
        Assert.Equal("item 2-49", await connection.QuerySingleAsync<string>("SELECT name FROM items WHERE id = @id", new { id = 249 }));
        Assert.Equal("item 0-7", await connection.QuerySingleAsync<string>("SELECT name FROM items WHERE id = @id", new { id = 7 }));
        // CREATE, INSERT, COUNT and SELECT by id: four texts, each given one command, however many calls.
        Assert.Equal(4, connection.CachedStatements);
        Assert.Equal(4, connection.CommandsCreated);
    }

    [Fact]
    public async Task AFailedRunLeavesTheStatementUsableAndChangesNothing()
    {
        const string insert = "INSERT INTO items (id, name) VALUES (@id, @name)";
        await connection.ExecuteAsync(insert, new { id = 1, name = "same" });
        await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(insert, new { id = 2, name = "same" }));
        await connection.ExecuteAsync(insert, new { id = 3, name = "other" });
        Assert.Equal(new long[] { 1, 3 }, (await connection.QueryAsync<long>("SELECT id FROM items ORDER BY id")).ToArray());
    }

    [Fact]
    public async Task AQueryRunWhileTheSameQuerysRowsAreStillBeingReadGetsItsOwnStatement()
    {
        for (var i = 1; i <= 3; i++) await connection.ExecuteAsync("INSERT INTO items (id, name) VALUES (@i, @name)", new { i, name = $"n{i}" });
        const string byId = "SELECT name FROM items WHERE id >= @id ORDER BY id";
        var outer = new List<string>();
        var inner = new List<string>();
        // Unbuffered: the first reader is open while the second runs the same text.
        foreach (var name in connection.Query<string>(byId, new { id = 1 }, buffered: false))
        {
            outer.Add(name);
            inner.Add(string.Join(",", connection.Query<string>(byId, new { id = 3 })));
        }
        Assert.Equal(["n1", "n2", "n3"], outer);
        Assert.Equal(["n3", "n3", "n3"], inner);
        Assert.Equal(["n2", "n3"], connection.Query<string>(byId, new { id = 2 }));
        // CREATE and INSERT, the kept SELECT, a one-off per inner run; once the outer reader closed, the kept one served again.
        Assert.Equal(2 + 1 + 3, connection.CommandsCreated);
    }

    [Fact]
    public async Task BeyondItsCapacityTheLeastRecentlyUsedStatementIsDroppedAndStillRunsWhenAskedAgain()
    {
        for (var i = 0; i < 10; i++)
            Assert.Equal(i, await connection.ExecuteScalarAsync<long>($"SELECT {i} + @zero", new { zero = 0 }));
        Assert.Equal(4, connection.CachedStatements);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT 0 + @zero", new { zero = 0 }));
    }
}
