using System.Data.Common;
using Dapper;
using Switchboard.Core;
using Switchboard.Server.Storage;

namespace Switchboard.Server.EventLog;

/// <summary>
/// The appender: every change to shared state runs through <see cref="WriteAsync{T}"/>, which locks the workspace's
/// row, gives the appended events the next gapless seqs in commit order, runs the write hooks, flushes
/// <c>workspaces.last_seq</c> and publishes the events only after the commit, so nobody sees an event whose change
/// might still roll back.
/// </summary>
public sealed class EventLogWriter(Database database, IEventPublisher publisher, EventLogMetrics metrics, TimeProvider clock, IEnumerable<IWriteHook> hooks,
    ConfigCache config)
{
    readonly IReadOnlyList<IWriteHook> hooks = hooks.OrderBy(h => h.Order).ToList();

    /// <summary>Runs <paramref name="work"/> in a write transaction of one workspace; see the class summary.</summary>
    public async Task<T> WriteAsync<T>(long workspaceId, Func<WriteContext, Task<T>> work, CancellationToken cancellationToken)
    {
        var outcome = await database.WriteBatchAsync(workspaceId, async batch =>
        {
            var headKey = new HeadKey(workspaceId);
            // The batch's first write of this workspace takes its row lock; the later ones run in the same transaction, so
            // they already hold it and know the head from the write before them (only a write that succeeded leaves it).
            var head = batch.TryRecall<WorkspaceHead>(headKey, out var known)
                ? known
                : await LockWorkspaceAsync(batch.Connection, batch.Transaction, workspaceId, cancellationToken);
            // Rows store milliseconds: the transaction's instant is truncated so responses equal later reads.
            var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
            var context = new WriteContext(database, batch.Connection, batch.Transaction, workspaceId, head, now, hooks, config, cancellationToken);
            var value = await work(context);
            await context.RunHooksAsync(cancellationToken);
            if (context.Head != head) batch.Remember(headKey, context.Head);
            if (context.LastSeq != head.LastSeq)
            {
                // workspaces.last_seq is written once per batch, with the seq of its last successful write of the workspace.
                batch.BeforeCommit(headKey, (connection, tx) => batch.TryRecall<WorkspaceHead>(headKey, out var last)
                    ? connection.ExecuteAsync(new CommandDefinition("UPDATE workspaces SET last_seq = @seq WHERE id = @workspaceId",
                        new { seq = last.LastSeq, workspaceId }, tx, cancellationToken: CancellationToken.None))
                    : Task.CompletedTask);
            }
            return new Outcome<T>(value, context.Appended, context.AfterCommitActions);
        }, cancellationToken, committed: outcome =>
        {
            // Runs right after the commit that holds this write, in commit order across a group-committed batch, so
            // each workspace's feed receives its events in seq order.
            if (outcome.Events.Count > 0)
            {
                metrics.Committed(outcome.Events.Count);
                publisher.Publish(workspaceId, outcome.Events);
            }
            foreach (var action in outcome.AfterCommit) action();
        });
        return outcome.Value;
    }

    /// <summary>What a batch remembers of a workspace between its writes: its <see cref="WorkspaceHead"/>.</summary>
    readonly record struct HeadKey(long WorkspaceId);

    readonly record struct Outcome<T>(T Value, IReadOnlyList<StoredEvent> Events, IReadOnlyList<Action> AfterCommit);

    static async Task<WorkspaceHead> LockWorkspaceAsync(DbConnection connection, DbTransaction tx, long workspaceId, CancellationToken cancellationToken)
    {
        // A no-op update takes the workspace's row lock (PostgreSQL) until commit: the next writer of this
        // workspace waits here, so seqs are assigned in commit order and never skip. The configuration version comes
        // with it, at no extra cost: what the write may take from memory (ConfigCache).
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "UPDATE workspaces SET last_seq = last_seq WHERE id = @id RETURNING last_seq, config_version";
        var p = command.CreateParameter();
        p.ParameterName = "id";
        p.Value = workspaceId;
        command.Parameters.Add(p);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            throw new DomainException("workspace_not_found", "Workspace not found.", DomainErrorKind.NotFound);
        return new WorkspaceHead(reader.GetInt64(0), reader.GetInt64(1));
    }
}

/// <summary>
/// Where a workspace's log stands inside a write transaction: the last seq appended and the configuration version
/// (see <see cref="ConfigCache"/>).
/// </summary>
internal readonly record struct WorkspaceHead(long LastSeq, long ConfigVersion);
