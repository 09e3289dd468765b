using System.Data.Common;
using Dapper;
using Switchboard.Core;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Teams;

/// <summary>
/// SQL of <c>teams</c>, <c>team_members</c> and <c>inboxes.team_id</c> (migration 0014). Every query names the workspace:
/// another workspace's team is simply not found.
/// </summary>
public static class TeamStore
{
    public static async Task<IReadOnlyList<TeamRow>> ListAsync(DbConnection c, DbTransaction? tx, long workspaceId, CancellationToken cancellationToken)
    {
        var teams = (await c.QueryAsync<TeamRow>(new CommandDefinition(
            $"SELECT {TeamRow.Columns} FROM teams WHERE workspace_id = @workspaceId ORDER BY name_key, id", new { workspaceId }, tx,
            cancellationToken: cancellationToken))).ToList();
        if (teams.Count == 0) return teams;
        var byId = teams.ToDictionary(t => t.Id);
        foreach (var (teamId, memberId) in await c.QueryAsync<(long, long)>(new CommandDefinition("""
            SELECT tm.team_id, tm.member_id FROM team_members tm JOIN teams t ON t.id = tm.team_id
            WHERE t.workspace_id = @workspaceId ORDER BY tm.team_id, tm.member_id
            """, new { workspaceId }, tx, cancellationToken: cancellationToken)))
            byId[teamId].MemberIds.Add(memberId);
        foreach (var (inboxId, teamId) in (await InboxTeamsAsync(c, tx, workspaceId, cancellationToken)).OrderBy(p => p.Key))
            byId[teamId].InboxIds.Add(inboxId);
        return teams;
    }

    public static async Task<TeamRow?> FindAsync(WriteContext w, long id)
    {
        var team = await w.QuerySingleOrDefaultAsync<TeamRow>(
            $"SELECT {TeamRow.Columns} FROM teams WHERE workspace_id = @WorkspaceId AND id = @id", new { w.WorkspaceId, id }, w.CancellationToken);
        if (team is null) return null;
        team.MemberIds = (await w.QueryAsync<long>("SELECT member_id FROM team_members WHERE team_id = @id ORDER BY member_id", new { id }, w.CancellationToken)).ToList();
        team.InboxIds = (await w.QueryAsync<long>("SELECT id FROM inboxes WHERE workspace_id = @WorkspaceId AND team_id = @id ORDER BY id",
            new { w.WorkspaceId, id }, w.CancellationToken)).ToList();
        return team;
    }

    public static async Task<TeamRow> GetAsync(WriteContext w, long id) =>
        await FindAsync(w, id) ?? throw new DomainException("team_not_found", "No such team.", DomainErrorKind.NotFound);

    public static Task<int> CountAsync(WriteContext w) =>
        w.QuerySingleAsync<int>("SELECT COUNT(*) FROM teams WHERE workspace_id = @WorkspaceId", new { w.WorkspaceId }, w.CancellationToken);

    public static async Task<bool> NameTakenAsync(WriteContext w, string nameKey, long exceptId) =>
        await w.QuerySingleOrDefaultAsync<long?>("SELECT id FROM teams WHERE workspace_id = @WorkspaceId AND name_key = @nameKey AND id <> @exceptId",
            new { w.WorkspaceId, nameKey, exceptId }, w.CancellationToken) is not null;

    public static Task<TeamRow> InsertAsync(WriteContext w, string name) => w.QuerySingleAsync<TeamRow>($"""
        INSERT INTO teams (workspace_id, name, name_key, version, created_at, updated_at) VALUES (@WorkspaceId, @name, @nameKey, 1, @NowMs, @NowMs)
        RETURNING {TeamRow.Columns}
        """, new { w.WorkspaceId, name, nameKey = TeamRules.NameKey(name), w.NowMs }, w.CancellationToken);

    /// <summary>Stores the team's name, version and time (members and inboxes have their own statements).</summary>
    public static Task UpdateAsync(WriteContext w, TeamRow team) => w.ExecuteAsync("""
        UPDATE teams SET name = @Name, name_key = @nameKey, version = @Version, updated_at = @UpdatedAt WHERE workspace_id = @WorkspaceId AND id = @Id
        """, new { team.Name, nameKey = TeamRules.NameKey(team.Name), team.Version, team.UpdatedAt, w.WorkspaceId, team.Id }, w.CancellationToken);

    public static async Task SetMembersAsync(WriteContext w, long teamId, IReadOnlyList<long> memberIds)
    {
        await w.ExecuteAsync("DELETE FROM team_members WHERE team_id = @teamId", new { teamId }, w.CancellationToken);
        foreach (var memberId in memberIds)
            await w.ExecuteAsync("INSERT INTO team_members (team_id, member_id) VALUES (@teamId, @memberId)", new { teamId, memberId }, w.CancellationToken);
    }

    /// <summary>Which of <paramref name="ids"/> are not members of the write's workspace (deactivated members may stay in a team).</summary>
    public static async Task<long[]> UnknownMembersAsync(WriteContext w, IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) return [];
        var known = (await w.QueryAsync<long>("SELECT id FROM members WHERE workspace_id = @WorkspaceId", new { w.WorkspaceId }, w.CancellationToken)).ToHashSet();
        return ids.Where(id => !known.Contains(id)).ToArray();
    }

    /// <summary>Deletes the team, its memberships, and leaves its inboxes without a team; returns how many inboxes it had.</summary>
    public static async Task<int> DeleteAsync(WriteContext w, long id)
    {
        var inboxes = await w.ExecuteAsync("UPDATE inboxes SET team_id = NULL WHERE workspace_id = @WorkspaceId AND team_id = @id", new { w.WorkspaceId, id }, w.CancellationToken);
        await w.ExecuteAsync("DELETE FROM team_members WHERE team_id = @id", new { id }, w.CancellationToken);
        await w.ExecuteAsync("DELETE FROM teams WHERE workspace_id = @WorkspaceId AND id = @id", new { w.WorkspaceId, id }, w.CancellationToken);
        return inboxes;
    }

    /// <summary>An inbox of the write's workspace and its team; not found otherwise.</summary>
    public static async Task<long?> InboxTeamAsync(WriteContext w, long inboxId)
    {
        var row = await w.QuerySingleOrDefaultAsync<InboxTeam>("SELECT id AS InboxId, team_id AS TeamId FROM inboxes WHERE workspace_id = @WorkspaceId AND id = @inboxId",
            new { w.WorkspaceId, inboxId }, w.CancellationToken);
        return row is null ? throw new DomainException("inbox_not_found", "No such inbox.", DomainErrorKind.NotFound) : row.TeamId;
    }

    public static Task SetInboxTeamAsync(WriteContext w, long inboxId, long? teamId) => w.ExecuteAsync(
        "UPDATE inboxes SET team_id = @teamId WHERE workspace_id = @WorkspaceId AND id = @inboxId", new { teamId, w.WorkspaceId, inboxId }, w.CancellationToken);

    /// <summary>A member's teams, ascending.</summary>
    public static async Task<long[]> TeamsOfAsync(DbConnection c, DbTransaction? tx, long memberId, CancellationToken cancellationToken) =>
        (await c.QueryAsync<long>(new CommandDefinition("SELECT team_id FROM team_members WHERE member_id = @memberId ORDER BY team_id",
            new { memberId }, tx, cancellationToken: cancellationToken))).ToArray();

    /// <summary>The team of each inbox of the workspace that has one.</summary>
    public static async Task<IReadOnlyDictionary<long, long>> InboxTeamsAsync(DbConnection c, DbTransaction? tx, long workspaceId, CancellationToken cancellationToken) =>
        (await c.QueryAsync<InboxTeam>(new CommandDefinition(
            "SELECT id AS InboxId, team_id AS TeamId FROM inboxes WHERE workspace_id = @workspaceId AND team_id IS NOT NULL",
            new { workspaceId }, tx, cancellationToken: cancellationToken))).ToDictionary(r => r.InboxId, r => r.TeamId!.Value);

    /// <summary>The members of every team of the write's workspace (automatic assignment picks a team inbox's conversation among them).</summary>
    public static async Task<ILookup<long, long>> MembersByTeamAsync(WriteContext w) =>
        (await w.QueryAsync<(long TeamId, long MemberId)>(
            "SELECT tm.team_id, tm.member_id FROM team_members tm JOIN teams t ON t.id = tm.team_id WHERE t.workspace_id = @WorkspaceId",
            new { w.WorkspaceId }, w.CancellationToken)).ToLookup(p => p.TeamId, p => p.MemberId);

    /// <summary>Whether a member may see (and so own) a conversation of an inbox of <paramref name="teamId"/>: an admin, or a member of the team.</summary>
    public static async Task<bool> MemberSeesAsync(WriteContext w, long memberId, long teamId) =>
        await w.QuerySingleAsync<long>("""
            SELECT COUNT(*) FROM members m WHERE m.workspace_id = @WorkspaceId AND m.id = @memberId
                AND (m.role = 'admin' OR EXISTS (SELECT 1 FROM team_members tm WHERE tm.team_id = @teamId AND tm.member_id = m.id))
            """, new { w.WorkspaceId, memberId, teamId }, w.CancellationToken) > 0;

    sealed class InboxTeam
    {
        public long InboxId { get; set; }
        public long? TeamId { get; set; }
    }
}
