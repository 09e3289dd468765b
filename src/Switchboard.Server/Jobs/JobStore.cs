using Dapper;
using Switchboard.Server.Common;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Jobs;

/// <summary>
/// SQL of the worker. Claiming marks a job running under this worker's lease in one statement; on PostgreSQL
/// <c>FOR UPDATE SKIP LOCKED</c> lets the workers of several nodes claim side by side without waiting for or
/// double-claiming a row. SQLite has one writer, so the statement alone is atomic.
/// </summary>
public sealed class JobStore(Database database)
{
    static readonly string Pending = EnumText.ToText(JobState.Pending);
    static readonly string Running = EnumText.ToText(JobState.Running);
    static readonly string Succeeded = EnumText.ToText(JobState.Succeeded);
    static readonly string Dead = EnumText.ToText(JobState.Dead);

    public Task<JobRow?> ClaimAsync(string worker, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var skipLocked = database.Provider == DatabaseProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";
        return database.WriteGlobalAsync((c, tx) => c.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition($"""
            UPDATE jobs SET state = @Running, attempts = attempts + 1, locked_by = @worker, locked_until = @leaseUntil, updated_at = @nowMs
            WHERE id = (
                SELECT id FROM jobs
                WHERE (state = @Pending AND run_at <= @nowMs) OR (state = @Running AND locked_until <= @nowMs)
                ORDER BY run_at, id LIMIT 1 {skipLocked})
            RETURNING {JobRow.Columns}
            """, new { Running, Pending, worker, nowMs = now.ToUnixTimeMilliseconds(), leaseUntil = (now + lease).ToUnixTimeMilliseconds() },
            tx, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>When the next job becomes due (a pending run or an expiring lease), or null when none waits.</summary>
    public Task<long?> NextDueAsync(CancellationToken cancellationToken) =>
        database.ReadAsync((c, tx) => c.ExecuteScalarAsync<long?>(new CommandDefinition("""
            SELECT MIN(CASE WHEN state = @Pending THEN run_at ELSE locked_until END) FROM jobs WHERE state IN (@Pending, @Running)
            """, new { Pending, Running }, tx, cancellationToken: cancellationToken)), cancellationToken);

    public Task SucceedAsync(JobRow job, string worker, DateTimeOffset now, CancellationToken cancellationToken) =>
        SettleAsync(job, worker, Succeeded, job.RunAt, null, now, cancellationToken);

    public Task FailAsync(JobRow job, string worker, bool dead, DateTimeOffset? runAt, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        SettleAsync(job, worker, dead ? Dead : Pending, runAt?.ToUnixTimeMilliseconds() ?? job.RunAt, error, now, cancellationToken);

    /// <summary>Gives a job back unrun (shutdown): the attempt does not count.</summary>
    public Task ReleaseAsync(JobRow job, string worker, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteGlobalAsync((c, tx) => c.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET state = @Pending, attempts = attempts - 1, locked_by = NULL, locked_until = NULL, updated_at = @nowMs
            WHERE id = @Id AND locked_by = @worker
            """, new { Pending, job.Id, worker, nowMs = now.ToUnixTimeMilliseconds() }, tx, cancellationToken: cancellationToken)), cancellationToken);

    // Guarded by locked_by: a worker that outlived its lease must not overwrite the outcome of the one that took over.
    Task SettleAsync(JobRow job, string worker, string state, long runAt, string? error, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteGlobalAsync((c, tx) => c.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET state = @state, run_at = @runAt, last_error = @error, locked_by = NULL, locked_until = NULL,
                updated_at = @nowMs, completed_at = @completedAt
            WHERE id = @Id AND locked_by = @worker
            """, new
        {
            state,
            runAt,
            error,
            nowMs = now.ToUnixTimeMilliseconds(),
            completedAt = state == Succeeded ? now.ToUnixTimeMilliseconds() : (long?)null,
            job.Id,
            worker,
        }, tx, cancellationToken: cancellationToken)), cancellationToken);

    public Task<IReadOnlyList<JobRow>> ListAsync(long workspaceId, JobState? state, string? kind, long? beforeId, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(async (c, tx) => (IReadOnlyList<JobRow>)(await c.QueryAsync<JobRow>(new CommandDefinition($"""
            SELECT {JobRow.Columns} FROM jobs
            WHERE workspace_id = @workspaceId
              {(state is null ? "" : "AND state = @stateText")}
              {(kind is null ? "" : "AND kind = @kind")}
              {(beforeId is null ? "" : "AND id < @beforeId")}
            ORDER BY id DESC LIMIT {limit}
            """, new { workspaceId, stateText = state is { } s ? EnumText.ToText(s) : null, kind, beforeId }, tx, cancellationToken: cancellationToken))).ToList(),
            cancellationToken);

    public Task<JobRow?> FindAsync(long workspaceId, long id, CancellationToken cancellationToken) =>
        database.ReadAsync((c, tx) => c.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
            $"SELECT {JobRow.Columns} FROM jobs WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id }, tx,
            cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>Puts a dead job back in line with a fresh budget; null when it is not dead (or not this workspace's).</summary>
    public Task<JobRow?> RetryDeadAsync(long workspaceId, long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteGlobalAsync((c, tx) => c.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition($"""
            UPDATE jobs SET state = @Pending, attempts = 0, run_at = @nowMs, updated_at = @nowMs, completed_at = NULL
            WHERE workspace_id = @workspaceId AND id = @id AND state = @Dead
            RETURNING {JobRow.Columns}
            """, new { Pending, Dead, workspaceId, id, nowMs = now.ToUnixTimeMilliseconds() }, tx, cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>How many jobs wait, run or are dead, over every workspace (a range of the (state, run_at) index each).</summary>
    public Task<IReadOnlyDictionary<string, long>> CountUnfinishedAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(async (c, tx) => (IReadOnlyDictionary<string, long>)(await c.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM jobs WHERE state IN (@Pending, @Running, @Dead) GROUP BY state",
            new { Pending, Running, Dead }, tx, cancellationToken: cancellationToken))).ToDictionary(r => r.State, r => r.Count),
            cancellationToken);

    public Task<int> DeleteSucceededBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.WriteGlobalAsync((c, tx) => c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM jobs WHERE state = @Succeeded AND completed_at < @beforeMs",
            new { Succeeded, beforeMs = before.ToUnixTimeMilliseconds() }, tx, cancellationToken: cancellationToken)), cancellationToken);
}
