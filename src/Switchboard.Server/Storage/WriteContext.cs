using System.Data.Common;
using System.Text.Json;
using Dapper;
using Switchboard.Server.Events;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Storage;

/// <summary>
/// One open write transaction of one workspace. Every change to shared state made through it appends
/// its event with <see cref="AppendAsync"/>, in the same transaction.
/// </summary>
public sealed class WriteContext
{
    readonly List<StoredEvent> appended = [];
    readonly long firstSeq;
    long lastSeq;

    internal WriteContext(Database database, DbConnection connection, DbTransaction transaction, long workspaceId, long lastSeq, DateTimeOffset now)
    {
        Database = database;
        Connection = connection;
        Transaction = transaction;
        WorkspaceId = workspaceId;
        this.lastSeq = firstSeq = lastSeq;
        Now = now;
    }

    public Database Database { get; }
    public DbConnection Connection { get; }
    public DbTransaction Transaction { get; }
    public long WorkspaceId { get; }
    /// <summary>The transaction's clock reading: every row and event it writes carries the same instant.</summary>
    public DateTimeOffset Now { get; }
    public long NowMs => Now.ToUnixTimeMilliseconds();
    /// <summary>The seq the next appended event will get.</summary>
    public long NextSeq => lastSeq + 1;
    /// <summary>The highest seq written so far (the workspace's seq before this transaction if nothing was appended).</summary>
    public long LastSeq => lastSeq;
    internal IReadOnlyList<StoredEvent> Appended => appended;

    public Task<int> ExecuteAsync(string sql, object? args = null) =>
        Connection.ExecuteAsync(new CommandDefinition(sql, args, Transaction));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? args = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, args, Transaction));

    public Task<T> QuerySingleAsync<T>(string sql, object? args = null) =>
        Connection.QuerySingleAsync<T>(new CommandDefinition(sql, args, Transaction));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args = null) =>
        Connection.QueryAsync<T>(new CommandDefinition(sql, args, Transaction));

    /// <summary>Appends an event with the next seq and returns that seq.</summary>
    public async Task<long> AppendAsync(EventDraft draft)
    {
        var seq = lastSeq + 1;
        var payload = Serialize(seq, draft, draft.Data);
        var publicPayload = draft.PublicData is null ? null : Serialize(seq, draft, draft.PublicData);
        await ExecuteAsync("""
            INSERT INTO events (workspace_id, seq, type, conversation_id, contact_id, payload, public_payload, created_at)
            VALUES (@WorkspaceId, @seq, @Type, @ConversationId, @ContactId, @payload, @publicPayload, @now)
            """, new { WorkspaceId, seq, draft.Type, draft.ConversationId, draft.ContactId, payload, publicPayload, now = NowMs });
        lastSeq = seq;
        appended.Add(new StoredEvent(WorkspaceId, seq, draft.Type, draft.ConversationId, draft.ContactId, payload, publicPayload, NowMs));
        return seq;
    }

    string Serialize(long seq, EventDraft draft, object data) => JsonSerializer.Serialize(
        new EventEnvelope(seq, draft.Type, draft.ConversationId, draft.Version, draft.MutationId, draft.ClientMessageId, draft.Actor, Now, data),
        JsonDefaults.Options);

    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (lastSeq == firstSeq) return;
        await Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE workspaces SET last_seq = @lastSeq WHERE id = @WorkspaceId",
            new { lastSeq, WorkspaceId }, Transaction, cancellationToken: cancellationToken));
    }
}
