using System.Data.Common;
using System.Text.Json;
using Dapper;
using Switchboard.Server.Hosting;
using Switchboard.Server.Storage;

namespace Switchboard.Server.EventLog;

/// <summary>
/// One open write transaction of one workspace. Every change to shared state made through it appends
/// its event with <see cref="AppendAsync"/>, in the same transaction.
/// </summary>
public sealed class WriteContext
{
    // Hooks can append events while the transaction flushes; bound the rounds so two hooks cannot ping-pong forever.
    const int MaxHookRounds = 8;

    readonly List<AppendedEvent> appended = [];
    readonly List<Action> afterCommit = [];
    readonly IReadOnlyList<IWriteHook> hooks;
    readonly ConfigCache config;
    long lastSeq;

    internal WriteContext(Database database, DbConnection connection, DbTransaction transaction, long workspaceId, WorkspaceHead head, DateTimeOffset now,
        IReadOnlyList<IWriteHook> hooks, ConfigCache config, CancellationToken cancellationToken)
    {
        this.config = config;
        ConfigVersion = head.ConfigVersion;
        CancellationToken = cancellationToken;
        this.hooks = hooks;
        Database = database;
        Connection = connection;
        Transaction = transaction;
        WorkspaceId = workspaceId;
        lastSeq = head.LastSeq;
        Now = now;
    }

    public Database Database { get; }
    public DbConnection Connection { get; }
    public DbTransaction Transaction { get; }
    public long WorkspaceId { get; }
    /// <summary>The token the write was started with; queries of helpers that take no token of their own pass this one.</summary>
    public CancellationToken CancellationToken { get; }
    /// <summary>The transaction's clock reading: every row and event it writes carries the same instant.</summary>
    public DateTimeOffset Now { get; }
    public long NowMs => Now.ToUnixTimeMilliseconds();
    /// <summary>The seq the next appended event will get.</summary>
    public long NextSeq => lastSeq + 1;
    /// <summary>The highest seq written so far (the workspace's seq before this transaction if nothing was appended).</summary>
    public long LastSeq => lastSeq;
    /// <summary>The workspace's configuration version as this write sees it (see <see cref="ConfigCache"/>).</summary>
    public long ConfigVersion { get; private set; }
    internal WorkspaceHead Head => new(lastSeq, ConfigVersion);
    internal IReadOnlyList<StoredEvent> Appended => appended.Select(a => a.Stored).ToList();
    internal IReadOnlyList<Action> AfterCommitActions => afterCommit;

    /// <summary>Runs <paramref name="action"/> once the transaction has committed (never if it rolls back), e.g. to wake a worker.</summary>
    public void AfterCommit(Action action) => afterCommit.Add(action);

    public Task<int> ExecuteAsync(string sql, object? args, CancellationToken cancellationToken) =>
        Connection.ExecuteAsync(new CommandDefinition(sql, args, Transaction, cancellationToken: cancellationToken));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? args, CancellationToken cancellationToken) =>
        Connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, args, Transaction, cancellationToken: cancellationToken));

    public Task<T> QuerySingleAsync<T>(string sql, object? args, CancellationToken cancellationToken) =>
        Connection.QuerySingleAsync<T>(new CommandDefinition(sql, args, Transaction, cancellationToken: cancellationToken));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args, CancellationToken cancellationToken) =>
        Connection.QueryAsync<T>(new CommandDefinition(sql, args, Transaction, cancellationToken: cancellationToken));

    /// <summary>Configuration as this write sees it, from memory when unchanged since it was read (see <see cref="ConfigCache"/>).</summary>
    public ValueTask<T> ReadConfigAsync<T>(string part, long id, Func<WriteContext, Task<T>> load) where T : class =>
        config.GetAsync(this, part, id, load);

    /// <summary>
    /// Call in every write that changes what <see cref="ReadConfigAsync{T}"/> serves: gives the workspace a fresh random
    /// configuration version (never an increment, which a rollback could hand out again), so every copy read before is
    /// stale for this write, the later writes and every node.
    /// </summary>
    public async Task ConfigChangedAsync()
    {
        var version = Random.Shared.NextInt64(1, long.MaxValue);
        await ExecuteAsync("UPDATE workspaces SET config_version = @version WHERE id = @WorkspaceId", new { version, WorkspaceId }, CancellationToken);
        ConfigVersion = version;
    }

    /// <summary>Appends an event with the next seq and returns that seq.</summary>
    public async Task<long> AppendAsync(EventDraft draft)
    {
        var seq = lastSeq + 1;
        var payload = Serialize(seq, draft, draft.Data);
        var publicPayload = draft.PublicData is null ? null : Serialize(seq, draft, draft.PublicData);
        await ExecuteAsync("""
            INSERT INTO events (workspace_id, seq, type, conversation_id, contact_id, inbox_id, member_id, payload, public_payload, created_at)
            VALUES (@WorkspaceId, @seq, @Type, @ConversationId, @ContactId, @InboxId, @MemberId, @payload, @publicPayload, @now)
            """, new { WorkspaceId, seq, draft.Type, draft.ConversationId, draft.ContactId, draft.InboxId, draft.MemberId, payload, publicPayload, now = NowMs }, CancellationToken);
        lastSeq = seq;
        appended.Add(new AppendedEvent(new StoredEvent(WorkspaceId, seq, draft.Type, draft.ConversationId, draft.ContactId, payload, publicPayload, NowMs, draft.InboxId, draft.MemberId), draft));
        return seq;
    }

    string Serialize(long seq, EventDraft draft, object data) => JsonSerializer.Serialize(
        new EventEnvelope(seq, draft.Type, draft.ConversationId, draft.Version, draft.MutationId, draft.ClientMessageId, draft.Actor, Now, data),
        JsonDefaults.Options);

    /// <summary>Lets every hook see the events appended so far, until none appends more (the write's last step before it is done).</summary>
    internal async Task RunHooksAsync(CancellationToken cancellationToken)
    {
        if (hooks.Count == 0) return;
        var seen = new int[hooks.Count];
        for (var round = 0; round < MaxHookRounds; round++)
        {
            var progressed = false;
            for (var i = 0; i < hooks.Count; i++)
            {
                if (seen[i] == appended.Count) continue;
                var batch = appended.GetRange(seen[i], appended.Count - seen[i]);
                seen[i] = appended.Count;
                await hooks[i].BeforeCommitAsync(this, batch, cancellationToken);
                progressed = true;
            }
            if (!progressed) return;
        }
        throw new InvalidOperationException($"Write hooks were still appending events after {MaxHookRounds} rounds.");
    }
}
