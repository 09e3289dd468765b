using System.Data.Common;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using Switchboard.Server.Common;
using Switchboard.Server.EventLog;
using Switchboard.Server.Hosting;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Jobs;

/// <summary>
/// Enqueues durable jobs inside the caller's transaction: the job exists exactly when its cause committed.
/// Needs no <see cref="Database"/>, so write hooks can depend on it.
/// </summary>
public sealed class JobQueue(JobSignal signal, IOptions<JobsOptions> options)
{
    /// <summary>Enqueues in a workspace's write transaction; the workers wake after the commit. Null when the dedupe key existed.</summary>
    public async Task<long?> EnqueueAsync(WriteContext w, string kind, object payload, JobEnqueueOptions? enqueue = null)
    {
        var id = await InsertAsync(w.Connection, w.Transaction, w.WorkspaceId, kind, payload, w.Now, enqueue);
        if (id is not null) w.AfterCommit(signal.Notify);
        return id;
    }

    /// <summary>Enqueues in a transaction that belongs to no workspace; call <see cref="Notify"/> after committing it.</summary>
    public Task<long?> EnqueueAsync(DbConnection connection, DbTransaction tx, long? workspaceId, string kind, object payload,
        DateTimeOffset now, JobEnqueueOptions? enqueue = null) =>
        InsertAsync(connection, tx, workspaceId, kind, payload, now, enqueue);

    public void Notify() => signal.Notify();

    async Task<long?> InsertAsync(DbConnection connection, DbTransaction tx, long? workspaceId, string kind, object payload,
        DateTimeOffset now, JobEnqueueOptions? enqueue)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        return await connection.QuerySingleOrDefaultAsync<long?>("""
            INSERT INTO jobs (workspace_id, kind, payload, state, attempts, max_attempts, run_at, dedupe_key, created_at, updated_at)
            VALUES (@workspaceId, @kind, @payload, @state, 0, @maxAttempts, @runAt, @dedupeKey, @nowMs, @nowMs)
            ON CONFLICT (dedupe_key) DO NOTHING
            RETURNING id
            """, new
        {
            workspaceId,
            kind,
            payload = payload as string ?? JsonSerializer.Serialize(payload, JsonDefaults.Options),
            state = EnumText.ToText(JobState.Pending),
            maxAttempts = enqueue?.MaxAttempts ?? options.Value.DefaultMaxAttempts,
            runAt = Time.ToMs(enqueue?.RunAt) ?? nowMs,
            dedupeKey = enqueue?.DedupeKey,
            nowMs,
        }, tx);
    }
}
