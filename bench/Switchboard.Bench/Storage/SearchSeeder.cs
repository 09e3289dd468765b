using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Switchboard.Bench.Storage;

/// <summary>
/// Fills the demo workspace of a running Switchboard with <c>messages</c> messages for the search bench: contacts and
/// conversations of 100 messages each, then the messages in set-based INSERT … SELECT statements over a number series
/// (SQLite: a recursive CTE; PostgreSQL: generate_series), 100,000 rows per transaction so the server is never locked
/// out for long. The search indexes are kept the way the server keeps them (SQLite's triggers, PostgreSQL's generated
/// column and GIN index), so seeding also shows what indexing costs in bulk. No events: search does not read them.
/// The texts are deterministic (shapes in <see cref="Texts"/>): "order" is in 30 % of the messages, each "itemN" in about
/// 500, each "refN" in about 10, "delivery address" in 10 %; one message in 100 is an internal note.
/// </summary>
public static class SearchSeeder
{
    public const int PerConversation = 100;
    const int Batch = 100_000;

    const string Texts = """
        CASE i % 10
            WHEN 0 THEN 'Where is my order? It has not arrived yet.'
            WHEN 1 THEN 'Thanks, that helps a lot!'
            WHEN 2 THEN 'Can I change the delivery address for this parcel?'
            WHEN 3 THEN 'The package was damaged, I would like a refund.'
            WHEN 4 THEN 'Do you ship to Canada and how long does it take?'
            WHEN 5 THEN 'I placed an order yesterday but got no confirmation email.'
            WHEN 6 THEN 'Your order ships tomorrow, tracking follows by email.'
            WHEN 7 THEN 'Is there a discount for students?'
            WHEN 8 THEN 'Sorry for the wait, a colleague will answer shortly.'
            ELSE 'Could you send me the invoice again please?'
        END || ' ref' || ((i * 7919) % 100003) || ' item' || (i % 1999)
        """;

    public static async Task SeedAsync(DbConnection c, bool postgres, int messages, CancellationToken cancellationToken)
    {
        var conversations = (messages + PerConversation - 1) / PerConversation;
        var inbox = await ScalarAsync(c, null, "SELECT id FROM inboxes WHERE workspace_id = 1 AND channel = 'widget' ORDER BY id LIMIT 1", cancellationToken);
        var contactBase = await ScalarAsync(c, null, "SELECT COALESCE(MAX(id), 0) FROM contacts", cancellationToken) + 1;
        var conversationBase = await ScalarAsync(c, null, "SELECT COALESCE(MAX(id), 0) FROM conversations", cancellationToken) + 1;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        // One message a second, ending now: a million messages span eleven and a half days.
        var first = now - messages * 1000L;
        string Series(long from, long to) => postgres
            ? $"FROM generate_series({from}::bigint, {to}::bigint) AS s(i)"
            : $"FROM (WITH RECURSIVE s(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM s WHERE i < {to}) SELECT i FROM s)";

        await ExecuteAsync(c, $"""
            INSERT INTO contacts (id, workspace_id, name, email, created_at, updated_at)
            SELECT {contactBase} + i, 1, 'Seeded visitor ' || i, 'visitor' || i || '@shop.example', {first}, {first} {Series(0, conversations - 1)}
            """, cancellationToken);
        // States and assignees vary, so the filters have something to choose from.
        await ExecuteAsync(c, $"""
            INSERT INTO conversations (id, workspace_id, inbox_id, contact_id, state, bot_active, assignee_id, message_count, last_message_at,
                last_message_preview, activity_at, unread_count, last_customer_seq, version, created_at, updated_at)
            SELECT {conversationBase} + i, 1, {inbox}, {contactBase} + i,
                CASE i % 4 WHEN 0 THEN 'queued' WHEN 1 THEN 'waiting_customer' WHEN 2 THEN 'resolved' ELSE 'bot' END, FALSE, NULL, {PerConversation},
                {first} + (i + 1) * {PerConversation * 1000L}, 'seeded', {first} + (i + 1) * {PerConversation * 1000L}, 0, 0, 1, {first}, {first}
            {Series(0, conversations - 1)}
            """, cancellationToken);
        for (long start = 0; start < messages; start += Batch)
        {
            var end = Math.Min(messages, start + Batch) - 1;
            await ExecuteAsync(c, $"""
                INSERT INTO messages (workspace_id, conversation_id, ordinal, client_message_id, sender_role, sender_id, sender_name, text, is_note,
                    status, seq, version, created_at, updated_at)
                SELECT 1, {conversationBase} + i / {PerConversation}, i % {PerConversation} + 1, 'search-seed-' || i,
                    CASE WHEN i % 2 = 0 THEN 'customer' ELSE 'operator' END, NULL, NULL, {Texts}, i % 100 = 7,
                    'read', 0, 1, {first} + i * 1000, {first} + i * 1000
                {Series(start, end)}
                """, cancellationToken);
        }
        if (postgres)
        {
            // Ids were given explicitly: move the sequences past them, so the server's own inserts do not collide.
            await ExecuteAsync(c, """
                SELECT setval(pg_get_serial_sequence('contacts', 'id'), (SELECT MAX(id) FROM contacts));
                SELECT setval(pg_get_serial_sequence('conversations', 'id'), (SELECT MAX(id) FROM conversations));
                """, cancellationToken);
            await ExecuteAsync(c, "ANALYZE contacts; ANALYZE conversations; ANALYZE messages", cancellationToken);
        }
    }

    /// <summary>A connection to the server's database, from the switches the bench started it with.</summary>
    public static async Task<DbConnection> OpenAsync(IReadOnlyList<string> databaseSwitches, CancellationToken cancellationToken)
    {
        var i = databaseSwitches.ToList().IndexOf("--connection-string");
        DbConnection c = i >= 0
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(databaseSwitches[i + 1]) { CommandTimeout = 600 }.ConnectionString)
            : new SqliteConnection($"Data Source={Path.Combine(databaseSwitches[databaseSwitches.ToList().IndexOf("--data") + 1], "switchboard.db")};Pooling=false;Default Timeout=600");
        await c.OpenAsync(cancellationToken);
        return c;
    }

    static async Task ExecuteAsync(DbConnection c, string sql, CancellationToken cancellationToken)
    {
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await using var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    static async Task<long> ScalarAsync(DbConnection c, DbTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
