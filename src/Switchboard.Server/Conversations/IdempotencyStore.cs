using Switchboard.Server.EventLog;

namespace Switchboard.Server.Conversations;

/// <summary>The <c>mutations</c> table (idempotency records): remembers which <c>mutationId</c>s were applied, with the seq they produced, so a retry is answered, not re-applied.</summary>
public static class IdempotencyStore
{
    public sealed record Entry(string Target, string RequestHash, long Seq);

    public static Task<Entry?> FindAsync(WriteContext w, string mutationId) => w.QuerySingleOrDefaultAsync<Entry>(
        "SELECT target AS Target, request_hash AS RequestHash, seq AS Seq FROM mutations WHERE workspace_id = @WorkspaceId AND mutation_id = @mutationId",
        new { w.WorkspaceId, mutationId }, w.CancellationToken);

    public static Task RecordAsync(WriteContext w, string mutationId, string target, string requestHash, long seq) => w.ExecuteAsync("""
        INSERT INTO mutations (workspace_id, mutation_id, target, request_hash, seq, created_at)
        VALUES (@WorkspaceId, @mutationId, @target, @requestHash, @seq, @NowMs)
        """, new { w.WorkspaceId, mutationId, target, requestHash, seq, w.NowMs }, w.CancellationToken);
}
