using Dapper;
using Microsoft.Extensions.Options;
using Switchboard.Server.Storage;

namespace Switchboard.Server.EventLog;

/// <summary>
/// Deletes events older than the retention period and raises <c>workspaces.min_seq</c> in the same
/// transaction, so a reader sees either the old events or the new bound, never a silent gap; clients behind
/// the bound get a <c>reset</c>. Callable from any scheduler (the hosted service now, the job system later).
/// </summary>
public sealed class EventCompactor(Database database, EventLogWriter eventLog, IEventRetention retention, TimeProvider clock, IOptions<EventRetentionOptions> options, ILogger<EventCompactor> logger)
{
    /// <summary>Compacts every workspace by its retention; returns the number of events deleted.</summary>
    public async Task<int> CompactAllAsync(CancellationToken cancellationToken)
    {
        var workspaces = await database.ReadAsync(async (c, tx) => (await c.QueryAsync<long>(
            new CommandDefinition("SELECT id FROM workspaces ORDER BY id", transaction: tx, cancellationToken: cancellationToken))).ToList(), cancellationToken);
        var deleted = 0;
        foreach (var workspaceId in workspaces)
        {
            var keep = options.Value.Override ?? await database.ReadAsync((c, tx) => retention.RetentionAsync(c, tx, workspaceId, cancellationToken), cancellationToken);
            deleted += await CompactAsync(workspaceId, clock.GetUtcNow() - keep, cancellationToken);
        }
        return deleted;
    }

    /// <summary>Removes the events of one workspace created before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> CompactAsync(long workspaceId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var cutoffMs = cutoff.ToUnixTimeMilliseconds();
        var target = await database.ReadAsync((c, tx) => c.QuerySingleAsync<long?>(new CommandDefinition(
            "SELECT MAX(seq) FROM events WHERE workspace_id = @workspaceId AND created_at < @cutoffMs",
            new { workspaceId, cutoffMs }, tx, cancellationToken: cancellationToken)), cancellationToken);
        if (target is not { } upTo) return 0;

        var deleted = 0;
        while (true)
        {
            // Small steps: on SQLite every writer waits while a step runs.
            var (step, done) = await eventLog.WriteAsync(workspaceId, async w =>
            {
                var from = await w.QuerySingleAsync<long>("SELECT min_seq FROM workspaces WHERE id = @workspaceId", new { workspaceId }, w.CancellationToken);
                var to = Math.Min(upTo, from + options.Value.BatchSize);
                if (to <= from) return (0, true);
                var rows = await w.ExecuteAsync("DELETE FROM events WHERE workspace_id = @workspaceId AND seq <= @to", new { workspaceId, to }, w.CancellationToken);
                await w.ExecuteAsync("UPDATE workspaces SET min_seq = @to WHERE id = @workspaceId", new { workspaceId, to }, w.CancellationToken);
                return (rows, to == upTo);
            }, cancellationToken);
            deleted += step;
            if (done) break;
        }
        if (deleted > 0) EventLogLog.Compacted(logger, workspaceId, upTo, deleted);
        return deleted;
    }
}
