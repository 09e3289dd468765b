using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Server.Storage;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Storage;

public sealed class MigrationTests
{
    [Theory, BothDatabases]
    public async Task EmptyDatabaseMigratesToLatest(DatabaseKind db)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(db);
        var applied = await scratch.Migrator.MigrateAsync(CancellationToken.None);
        Assert.Equal(scratch.Migrator.Migrations.Select(m => m.Version), applied);
        Assert.Equal(scratch.Migrator.LatestVersion, await scratch.Migrator.CurrentVersionAsync(CancellationToken.None));
    }

    [Theory, BothDatabases]
    public async Task PreviousSchemaWithDataUpgradesInPlaceAndKeepsTheData(DatabaseKind db)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(db);
        // The schema before 0014 (teams), whose backfill of older events is checked below; every later migration runs on it.
        const int before = 13;
        await scratch.Migrator.MigrateAsync(CancellationToken.None, targetVersion: before);

        await using (var c = await scratch.Database.OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync("INSERT INTO workspaces (id, name, settings, last_seq, visitor_secret, created_at) VALUES (1, 'Old', '{}', 1, 's', 1)");
            await c.ExecuteAsync("INSERT INTO members (id, workspace_id, email, name, role, active, created_at) VALUES (1, 1, 'old@example.com', 'Old Timer', 'admin', @t, 1)", new { t = true });
            await c.ExecuteAsync("INSERT INTO inboxes (id, workspace_id, name, channel, public_token, created_at) VALUES (1, 1, 'Site', 'widget', 'pk_old', 1)");
            await c.ExecuteAsync("INSERT INTO contacts (id, workspace_id, name, created_at, updated_at) VALUES (1, 1, 'Carl', 1, 1)");
            await c.ExecuteAsync("""
                INSERT INTO conversations (id, workspace_id, inbox_id, contact_id, state, bot_active, message_count, activity_at, version, created_at, updated_at)
                VALUES (1, 1, 1, 1, 'queued', @f, 1, 1, 2, 1, 1)
                """, new { f = false });
            await c.ExecuteAsync("""
                INSERT INTO messages (id, workspace_id, conversation_id, ordinal, client_message_id, sender_role, text, is_note, status, seq, version, created_at, updated_at)
                VALUES (1, 1, 1, 1, 'old-1', 'customer', 'Hello from the old schema', @f, 'sent', 1, 1, 1, 1)
                """, new { f = false });
            await c.ExecuteAsync("INSERT INTO events (workspace_id, seq, type, conversation_id, payload, created_at) VALUES (1, 1, 'message.created', 1, '{}', 1)");
        }

        var applied = await scratch.Migrator.MigrateAsync(CancellationToken.None);
        Assert.Equal(scratch.Migrator.Migrations.Select(m => m.Version).Where(v => v > before), applied);
        Assert.Equal(scratch.Migrator.LatestVersion, applied[^1]);

        await using var check = await scratch.Database.OpenAsync(CancellationToken.None);
        Assert.Equal("Hello from the old schema", await check.ExecuteScalarAsync<string>("SELECT text FROM messages WHERE id = 1"));
        Assert.Equal("Old Timer", await check.ExecuteScalarAsync<string>("SELECT name FROM members WHERE id = 1"));
        Assert.Equal(1L, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM events"));
        Assert.Equal(0L, await check.ExecuteScalarAsync<long>("SELECT team_read_ordinal FROM conversations WHERE id = 1"));
        Assert.Equal(0L, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM api_keys"));
        // 0007 (issue 19): the widget's columns arrive empty (defaults), and take values.
        Assert.Null(await check.ExecuteScalarAsync<string?>("SELECT widget_settings FROM inboxes WHERE id = 1"));
        Assert.Null(await check.ExecuteScalarAsync<string?>("SELECT attributes FROM contacts WHERE id = 1"));
        // 0014 (issue 20, teams): a conversation's older events learn its inbox, which the streams decide visibility by.
        Assert.Equal(1L, await check.ExecuteScalarAsync<long?>("SELECT inbox_id FROM events WHERE seq = 1"));
        Assert.Null(await check.ExecuteScalarAsync<long?>("SELECT team_id FROM inboxes WHERE id = 1"));
        await check.ExecuteAsync("UPDATE inboxes SET widget_settings = '{}', identity_secret = 'x' WHERE id = 1");
        Assert.Equal("{}", await check.ExecuteScalarAsync<string>("SELECT widget_settings FROM inboxes WHERE id = 1"));
    }

    [Theory, BothDatabases]
    public async Task MigratingAgainChangesNothing(DatabaseKind db)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(db);
        await scratch.Migrator.MigrateAsync(CancellationToken.None);
        var before = await scratch.SchemaFingerprintAsync();
        Assert.Empty(await scratch.Migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(before, await scratch.SchemaFingerprintAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task NodesStartingAtOnceApplyEachMigrationOnce(int migrationsBehind)
    {
        // The database as an older build left it (or empty: a new cluster); four nodes of the new build start together.
        await using var scratch = await ScratchDatabase.CreateAsync(DatabaseKind.Postgres);
        var behind = migrationsBehind == 0 ? 0 : scratch.Migrator.Migrations[^(migrationsBehind + 1)].Version;
        if (behind > 0) await scratch.Migrator.MigrateAsync(CancellationToken.None, targetVersion: behind);
        var nodes = Enumerable.Range(0, 4).Select(_ => new Database(Options.Create(scratch.Settings))).ToList();
        try
        {
            var applied = await Task.WhenAll(nodes.Select(d => Task.Run(() =>
                new SchemaMigrator(d, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None))));
            Assert.Equal(scratch.Migrator.Migrations.Where(m => m.Version > behind).Select(m => m.Version), applied.SelectMany(a => a).Order());
            await using var c = await scratch.Database.OpenAsync(CancellationToken.None);
            Assert.Equal(scratch.Migrator.Migrations.Count, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    [Theory, BothDatabases]
    public async Task TheMigrateCommandAppliesUpToAVersionThenTheRestAndRefusesBadInputChangingNothing(DatabaseKind db)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(db);
        await using var services = new ServiceCollection().AddSingleton(scratch.Migrator).BuildServiceProvider();
        var previous = scratch.Migrator.Migrations[^2].Version;

        var first = await RunAsync(services, "migrate", $"--to={previous}");
        Assert.True(first.Code == 0, first.Errors);
        using (var json = JsonDocument.Parse(first.Output))
        {
            Assert.Equal(previous, json.RootElement.GetProperty("version").GetInt32());
            Assert.Equal(scratch.Migrator.LatestVersion, json.RootElement.GetProperty("latest").GetInt32());
        }
        var before = await scratch.SchemaFingerprintAsync();
        foreach (var bad in new[] { new[] { "migrate", "--to", "0" }, ["migrate", "--to", "-1"], ["migrate", "--to", "x"], ["migrate", "--to"],
                     ["migrate", "--to:1"], ["migrate", "--to=", "1"], ["migrate", "--tov", "1"],
                     ["migrate", "--to", (scratch.Migrator.LatestVersion + 1).ToString(CultureInfo.InvariantCulture)], ["migrate", "now"] })
        {
            var refused = await RunAsync(services, bad);
            Assert.Equal(2, refused.Code);
            Assert.NotEmpty(refused.Errors);
        }
        Assert.Equal(before, await scratch.SchemaFingerprintAsync());

        var rest = await RunAsync(services, "migrate");
        Assert.Contains($"\"applied\":[{scratch.Migrator.LatestVersion}]", rest.Output, StringComparison.Ordinal);
        Assert.Contains("\"applied\":[]", (await RunAsync(services, "migrate")).Output, StringComparison.Ordinal);
    }

    static async Task<(int Code, string Output, string Errors)> RunAsync(IServiceProvider services, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await MigrateCommand.RunAsync(services, args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    /// <summary>A database with no schema yet, outside any running app.</summary>
    sealed class ScratchDatabase : IAsyncDisposable
    {
        readonly string? directory;
        readonly string? connectionString;

        ScratchDatabase(DatabaseOptions options, string? directory, string? connectionString)
        {
            Settings = options;
            this.directory = directory;
            this.connectionString = connectionString;
            Database = new Database(Options.Create(options));
            Migrator = new SchemaMigrator(Database, NullLogger<SchemaMigrator>.Instance);
        }

        public DatabaseOptions Settings { get; }
        public Database Database { get; }
        public SchemaMigrator Migrator { get; }

        public static async Task<ScratchDatabase> CreateAsync(DatabaseKind kind)
        {
            if (kind == DatabaseKind.Postgres)
            {
                var cs = await PostgresServer.CreateDatabaseAsync();
                return new ScratchDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cs }, null, cs);
            }
            var dir = Path.Combine(Path.GetTempPath(), "sb-migrate-" + Guid.NewGuid().ToString("N"));
            return new ScratchDatabase(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = dir }, dir, null);
        }

        public async Task<string> SchemaFingerprintAsync()
        {
            await using var c = await Database.OpenAsync(CancellationToken.None);
            var rows = Database.Provider == DatabaseProvider.Postgres
                ? await c.QueryAsync<string>("""
                    SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns
                    WHERE table_schema = 'public' ORDER BY table_name, column_name
                    """)
                : await c.QueryAsync<string>("SELECT type || ':' || name || ':' || COALESCE(sql, '') FROM sqlite_master ORDER BY name");
            var count = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations");
            return string.Join("\n", rows) + $"\nmigrations={count}";
        }

        public async ValueTask DisposeAsync()
        {
            await Database.DisposeAsync();
            if (connectionString is not null) await PostgresServer.DropDatabaseAsync(connectionString);
            if (directory is not null) try { Directory.Delete(directory, true); } catch (IOException) { }
        }
    }
}
