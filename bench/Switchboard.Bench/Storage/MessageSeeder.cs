using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Switchboard.Bench.Storage;

/// <summary>
/// Fills a Switchboard SQLite database (already created by the server, with its demo workspace) with many
/// conversations of 100 messages each, and their message.created events, in the shape the server writes them.
/// Written directly, not through the API: a million messages through HTTP would make cold start a half-hour bench.
/// </summary>
public static class MessageSeeder
{
    const int PerConversation = 100;

    public static async Task SeedAsync(string databaseFile, int messages, CancellationToken cancellationToken)
    {
        await using var c = new SqliteConnection($"Data Source={databaseFile};Pooling=false");
        await c.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(cancellationToken);
        long Scalar(string sql) => Convert.ToInt64(new SqliteCommand(sql, c, tx).ExecuteScalar(), CultureInfo.InvariantCulture);
        const long workspace = 1;
        var inbox = Scalar("SELECT id FROM inboxes WHERE workspace_id = 1 AND channel = 'widget' LIMIT 1");
        var seq = Scalar("SELECT last_seq FROM workspaces WHERE id = 1");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - messages;

        var contact = Command(c, tx, "INSERT INTO contacts (workspace_id, name, created_at, updated_at) VALUES (1, @name, @at, @at) RETURNING id", "name", "at");
        var conversation = Command(c, tx, """
            INSERT INTO conversations (workspace_id, inbox_id, contact_id, state, bot_active, assignee_id, message_count, last_message_at, last_message_preview,
                activity_at, unread_count, last_customer_seq, version, created_at, updated_at)
            VALUES (1, @inbox, @contact, 'waiting_customer', 0, 2, 100, @at, @preview, @at, 0, @seq, 101, @at, @at) RETURNING id
            """, "inbox", "contact", "at", "preview", "seq");
        var message = Command(c, tx, """
            INSERT INTO messages (workspace_id, conversation_id, ordinal, client_message_id, sender_role, sender_id, sender_name, text, status, seq, version, created_at, updated_at)
            VALUES (1, @conversation, @ordinal, @cmid, @role, @sender, @name, @text, 'read', @seq, 1, @at, @at) RETURNING id
            """, "conversation", "ordinal", "cmid", "role", "sender", "name", "text", "seq", "at");
        var evt = Command(c, tx, """
            INSERT INTO events (workspace_id, seq, type, conversation_id, contact_id, payload, public_payload, created_at)
            VALUES (1, @seq, 'message.created', @conversation, @contact, @payload, @payload, @at)
            """, "seq", "conversation", "contact", "payload", "at");

        for (var done = 0; done < messages; done += PerConversation)
        {
            var name = $"Seeded visitor {done / PerConversation}";
            contact.Parameters["@name"].Value = name;
            contact.Parameters["@at"].Value = now + done;
            var contactId = Convert.ToInt64(await contact.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            conversation.Parameters["@inbox"].Value = inbox;
            conversation.Parameters["@contact"].Value = contactId;
            conversation.Parameters["@at"].Value = now + done;
            conversation.Parameters["@preview"].Value = "Thanks, that helps!";
            conversation.Parameters["@seq"].Value = seq + Math.Min(PerConversation, messages - done);
            var conversationId = Convert.ToInt64(await conversation.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            for (var ordinal = 1; ordinal <= PerConversation && done + ordinal <= messages; ordinal++)
            {
                seq++;
                var at = now + done + ordinal;
                var customer = ordinal % 2 == 1;
                var text = customer ? $"Question {ordinal}: where is my order?" : $"Answer {ordinal}: it ships tomorrow.";
                message.Parameters["@conversation"].Value = conversationId;
                message.Parameters["@ordinal"].Value = ordinal;
                message.Parameters["@cmid"].Value = $"seed-{seq}";
                message.Parameters["@role"].Value = customer ? "customer" : "operator";
                message.Parameters["@sender"].Value = customer ? contactId : 2;
                message.Parameters["@name"].Value = customer ? name : "Olivia Operator";
                message.Parameters["@text"].Value = text;
                message.Parameters["@seq"].Value = seq;
                message.Parameters["@at"].Value = at;
                var messageId = Convert.ToInt64(await message.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                evt.Parameters["@seq"].Value = seq;
                evt.Parameters["@conversation"].Value = conversationId;
                evt.Parameters["@contact"].Value = contactId;
                evt.Parameters["@payload"].Value = Payload(seq, conversationId, messageId, ordinal, customer ? "customer" : "operator", text, at);
                evt.Parameters["@at"].Value = at;
                await evt.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await new SqliteCommand("UPDATE workspaces SET last_seq = @seq WHERE id = @ws", c, tx) { Parameters = { new("@seq", seq), new("@ws", workspace) } }.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql, params string[] parameters)
    {
        var command = new SqliteCommand(sql, c, tx);
        foreach (var p in parameters) command.Parameters.Add(new SqliteParameter("@" + p, DBNull.Value));
        command.Prepare();
        return command;
    }

    static string Payload(long seq, long conversationId, long messageId, int ordinal, string role, string text, long at)
    {
        var created = DateTimeOffset.FromUnixTimeMilliseconds(at);
        return JsonSerializer.Serialize(new
        {
            seq, type = "message.created", conversationId, version = ordinal + 1, createdAt = created,
            data = new { message = new { id = messageId, conversationId, ordinal, clientMessageId = $"seed-{seq}", senderRole = role, text, isNote = false, status = "read", seq, version = 1, createdAt = created, updatedAt = created, kind = "text" } },
        });
    }
}
