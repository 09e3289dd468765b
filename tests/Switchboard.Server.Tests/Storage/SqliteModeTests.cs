using Dapper;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Storage;

public sealed class SqliteModeTests
{
    [Fact]
    public async Task SqliteRunsInWalMode()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        await using var c = await app.Database.OpenAsync(CancellationToken.None);
        Assert.Equal("wal", await c.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1L, await c.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
    }
}
