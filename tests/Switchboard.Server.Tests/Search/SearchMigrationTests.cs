using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Server.Auth;
using Switchboard.Server.Search;
using Switchboard.Server.Storage;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Search;

public sealed class SearchMigrationTests
{
    [Theory, BothDatabases]
    public async Task TheMigrationIndexesMessagesAndContactsStoredBeforeIt(DatabaseKind db)
    {
        await using var storage = await TestDatabase.CreateAsync(db);
        var options = db == DatabaseKind.Postgres
            ? new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = storage.ConnectionString! }
            : new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = storage.DataDirectory! };
        await using (var database = new Database(Options.Create(options)))
        {
            var migrator = new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance);
            await migrator.MigrateAsync(CancellationToken.None, targetVersion: migrator.Migrations.Last(m => m.Name != "search" && m.Version < 13).Version);
            await using var c = await database.OpenAsync(CancellationToken.None);
            await c.ExecuteAsync("INSERT INTO workspaces (id, name, settings, last_seq, visitor_secret, created_at) VALUES (1, 'Old', '{}', 1, 's', 1)");
            await c.ExecuteAsync("INSERT INTO members (id, workspace_id, email, name, role, active, created_at) VALUES (1, 1, 'old@example.com', 'Old Timer', 'admin', @t, 1)", new { t = true });
            await c.ExecuteAsync("INSERT INTO inboxes (id, workspace_id, name, channel, public_token, created_at) VALUES (1, 1, 'Site', 'widget', 'pk_old', 1)");
            await c.ExecuteAsync("INSERT INTO contacts (id, workspace_id, name, email, created_at, updated_at) VALUES (1, 1, 'Carl Oldname', 'carl@old.example', 1, 1)");
            await c.ExecuteAsync("""
                INSERT INTO conversations (id, workspace_id, inbox_id, contact_id, state, bot_active, message_count, activity_at, version, created_at, updated_at)
                VALUES (1, 1, 1, 1, 'queued', @f, 1, 1, 2, 1, 1)
                """, new { f = false });
            await c.ExecuteAsync("""
                INSERT INTO messages (id, workspace_id, conversation_id, ordinal, client_message_id, sender_role, text, is_note, status, seq, version, created_at, updated_at)
                VALUES (1, 1, 1, 1, 'old-1', 'customer', 'Hello from the archaeological schema', @f, 'sent', 1, 1, 1, 1)
                """, new { f = false });
        }

        // The server migrates the rest on start.
        await using var app = await TestApp.StartAsync(db, database: storage);
        var caller = new Caller(CallerKind.Member, 1, Roles.Admin, 1, null, null, "Old Timer");
        var found = await app.Service<SearchService>().SearchAsync(caller, "archaeological", new SearchFilters(null, null, null, null, null), null, null, CancellationToken.None);
        Assert.Equal(1, Assert.Single(found.Messages).Message.Id);
        var byContact = await app.Service<SearchService>().SearchAsync(caller, "oldname", new SearchFilters(null, null, null, null, null), null, null, CancellationToken.None);
        Assert.Equal(1, Assert.Single(byContact.Contacts).Conversation.Id);
    }
}
