using Microsoft.Data.Sqlite;

namespace Switchboard.Bench.Baseline;

/// <summary>
/// The durable baseline's storage, as a plain hub with a message table would keep it: one SQLite connection (WAL,
/// synchronous=NORMAL, the same promise as Switchboard's SQLite), one INSERT in its own transaction per message,
/// committed before the message is broadcast. The hub calls it under its ordering lock, so one connection suffices.
/// </summary>
public sealed class BaselineStore : IDisposable
{
    readonly SqliteConnection connection;
    readonly SqliteCommand insert;

    public BaselineStore(string path)
    {
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
                CREATE TABLE IF NOT EXISTS messages (
                    seq INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL, client_message_id TEXT NOT NULL,
                    text TEXT NOT NULL, created_at INTEGER NOT NULL);
                """;
            setup.ExecuteNonQuery();
        }
        // Prepared once and reused, as any hub with a hot INSERT would.
        insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO messages (seq, conversation_id, client_message_id, text, created_at) VALUES ($seq, $conversation, $client, $text, $at)";
        foreach (var name in new[] { "$seq", "$conversation", "$client", "$text", "$at" }) insert.Parameters.Add(new SqliteParameter(name, null));
        insert.Prepare();
    }

    /// <summary>Commits one message in its own transaction.</summary>
    public void Insert(long seq, long conversationId, string clientMessageId, string text)
    {
        using var tx = connection.BeginTransaction();
        insert.Transaction = tx;
        insert.Parameters[0].Value = seq;
        insert.Parameters[1].Value = conversationId;
        insert.Parameters[2].Value = clientMessageId;
        insert.Parameters[3].Value = text;
        insert.Parameters[4].Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        insert.ExecuteNonQuery();
        tx.Commit();
    }

    public void Dispose()
    {
        insert.Dispose();
        connection.Dispose();
    }
}
