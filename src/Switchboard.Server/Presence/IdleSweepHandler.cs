using System.Text.Json;
using Dapper;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Common;
using Switchboard.Server.Hosting;
using Switchboard.Server.Jobs;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Presence;

/// <summary>
/// Periodic: members with no activity for their workspace's idle timeout go offline, and their conversations go
/// back to the queue (where automatic assignment, if on, hands them to someone online).
/// </summary>
public sealed class IdleSweepHandler(Database database, PresenceService presence, PresenceTracker tracker, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "presence.sweep";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = await database.ReadAsync(async (c, tx) => (await c.QueryAsync<Candidate>(new CommandDefinition("""
            SELECT m.id AS MemberId, m.workspace_id AS WorkspaceId, m.last_activity_at AS LastActivityAt, w.settings AS Settings
            FROM members m JOIN workspaces w ON w.id = m.workspace_id
            WHERE m.presence <> @offline
            """, new { offline = EnumText.ToText(PresenceStatus.Offline) }, tx, cancellationToken: cancellationToken))).ToList(), cancellationToken);

        foreach (var candidate in candidates)
        {
            var settings = JsonSerializer.Deserialize<WorkspaceSettings>(candidate.Settings, JsonDefaults.Options) ?? new WorkspaceSettings();
            var idleBefore = now - settings.IdleTimeout;
            if (candidate.LastActivityAt is { } last && last >= idleBefore.ToUnixTimeMilliseconds()) continue;
            if (await presence.ReleaseIdleAsync(candidate.WorkspaceId, candidate.MemberId, idleBefore, cancellationToken))
                tracker.Forget(candidate.MemberId);
        }
    }

    sealed record Candidate(long MemberId, long WorkspaceId, long? LastActivityAt, string Settings);
}
