using Switchboard.Core;
using Switchboard.Core.Events;
using Switchboard.Core.Messages;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;
using Switchboard.Server.EventLog;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Teams;

/// <summary>
/// The workspace's teams: everyone on the team reads them, admins change them. Every change appends a team-only event
/// (<c>team.updated</c> with the snapshot, <c>team.deleted</c>), so visitors never see it, admins' dashboards show it live,
/// and operators' streams end with a <c>reset</c> at it (their scope may have changed: <c>Realtime/Audience</c>).
/// </summary>
public sealed class TeamService(Database database, EventLogWriter eventLog, ILogger<TeamService> logger)
{
    public Task<IReadOnlyList<TeamResponse>> ListAsync(Caller caller, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<TeamResponse>>(async (c, tx) =>
            (await TeamStore.ListAsync(c, tx, caller.WorkspaceId, cancellationToken)).Select(t => t.ToResponse()).ToList(), cancellationToken);

    public Task<(TeamResponse Team, long Seq)> CreateAsync(Caller caller, CreateTeamRequest request, CancellationToken cancellationToken)
    {
        var mutationId = MutationKeys.Optional(request.MutationId);
        var name = TeamRules.Name(request.Name);
        var members = TeamRules.MemberIds(request.MemberIds ?? []);
        var hash = MutationKeys.Hash("create", name, string.Join(',', members));
        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            if (mutationId is not null && await IdempotencyStore.FindAsync(w, mutationId) is { } replay)
            {
                if (replay.RequestHash != hash || !replay.Target.StartsWith("team:", StringComparison.Ordinal))
                    throw new DomainException(ErrorCodes.IdempotencyConflict, "This mutationId was already used for a different change.");
                return ((await TeamStore.GetAsync(w, long.Parse(replay.Target["team:".Length..]))).ToResponse(), replay.Seq);
            }
            if (await TeamStore.CountAsync(w) >= TeamRules.MaxPerWorkspace)
                throw new DomainException("team_limit_reached", $"A workspace has at most {TeamRules.MaxPerWorkspace} teams.");
            if (await TeamStore.NameTakenAsync(w, TeamRules.NameKey(name), exceptId: 0))
                throw new DomainException("team_name_taken", "Another team already has this name.");
            await RequireMembersAsync(w, members);
            var team = await TeamStore.InsertAsync(w, name);
            await TeamStore.SetMembersAsync(w, team.Id, members);
            team.MemberIds = [.. members];
            var seq = await AppendUpdatedAsync(w, team, caller.Actor, mutationId);
            if (mutationId is not null) await IdempotencyStore.RecordAsync(w, mutationId, Target(team.Id), hash, seq);
            return (team.ToResponse(), seq);
        }, cancellationToken);
    }

    /// <summary>Renames the team and/or replaces its members; a change that changes nothing appends nothing.</summary>
    public Task<(TeamResponse Team, long Seq)> UpdateAsync(Caller caller, long id, UpdateTeamRequest request, CancellationToken cancellationToken)
    {
        var mutationId = MutationKeys.Optional(request.MutationId);
        var name = request.Name is null ? null : TeamRules.Name(request.Name);
        var members = request.MemberIds is null ? null : TeamRules.MemberIds(request.MemberIds);
        if (name is null && members is null)
            throw new DomainException("patch_empty", "Send at least one of name or memberIds.", DomainErrorKind.Invalid);
        var hash = MutationKeys.Hash("update", id.ToString(), name, members is null ? null : string.Join(',', members));
        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var team = await TeamStore.GetAsync(w, id);
            if (mutationId is not null && await IdempotencyStore.FindAsync(w, mutationId) is { } replay)
                return replay.Target == Target(id) && replay.RequestHash == hash
                    ? (team.ToResponse(), replay.Seq)
                    : throw new DomainException(ErrorCodes.IdempotencyConflict, "This mutationId was already used for a different change.");
            if (name is not null && await TeamStore.NameTakenAsync(w, TeamRules.NameKey(name), exceptId: id))
                throw new DomainException("team_name_taken", "Another team already has this name.");
            if (members is not null) await RequireMembersAsync(w, members);

            var renamed = name is not null && name != team.Name;
            var regrouped = members is not null && !members.SequenceEqual(team.MemberIds);
            var seq = w.LastSeq; // unchanged: confirmed as of the current cursor, no event
            if (renamed || regrouped)
            {
                if (renamed) team.Name = name!;
                if (regrouped)
                {
                    await TeamStore.SetMembersAsync(w, id, members!);
                    team.MemberIds = [.. members!];
                    TeamsLog.MembersSet(logger, w.WorkspaceId, id, members!.Length);
                }
                team.Version++;
                team.UpdatedAt = w.NowMs;
                await TeamStore.UpdateAsync(w, team);
                seq = await AppendUpdatedAsync(w, team, caller.Actor, mutationId);
            }
            if (mutationId is not null) await IdempotencyStore.RecordAsync(w, mutationId, Target(id), hash, seq);
            return (team.ToResponse(), seq);
        }, cancellationToken);
    }

    /// <summary>Deletes a team: its inboxes are left without a team (every operator sees them again), then <c>team.deleted</c>.</summary>
    public Task<TeamDeletedResponse> DeleteAsync(Caller caller, long id, string? mutationIdText, CancellationToken cancellationToken)
    {
        var mutationId = MutationKeys.Optional(mutationIdText);
        var hash = MutationKeys.Hash("delete", id.ToString());
        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            if (mutationId is not null && await IdempotencyStore.FindAsync(w, mutationId) is { } replay)
                return replay.Target == Target(id) && replay.RequestHash == hash
                    ? new TeamDeletedResponse(id, replay.Seq, 0)
                    : throw new DomainException(ErrorCodes.IdempotencyConflict, "This mutationId was already used for a different change.");
            var team = await TeamStore.GetAsync(w, id);
            var inboxes = await TeamStore.DeleteAsync(w, id);
            var seq = await w.AppendAsync(new EventDraft(EventTypes.TeamDeleted, null, null, new TeamDeletedData(id, team.Version + 1), null,
                team.Version + 1, caller.Actor, mutationId));
            if (mutationId is not null) await IdempotencyStore.RecordAsync(w, mutationId, Target(id), hash, seq);
            TeamsLog.Deleted(logger, w.WorkspaceId, id, inboxes);
            return new TeamDeletedResponse(id, seq, inboxes);
        }, cancellationToken);
    }

    /// <summary>
    /// Puts an inbox in a team or in none. Both teams concerned (the one it leaves, the one it joins) get their
    /// <c>team.updated</c> with their new inbox list; putting it where it is appends nothing.
    /// </summary>
    public Task<(InboxResponse Inbox, long Seq)> SetInboxTeamAsync(Caller caller, long inboxId, InboxTeamRequest request, CancellationToken cancellationToken)
    {
        var mutationId = MutationKeys.Optional(request.MutationId);
        if (request.TeamId is <= 0) throw new DomainException("team_id_invalid", "teamId must be a team id or null.", DomainErrorKind.Invalid);
        var hash = MutationKeys.Hash("inbox", inboxId.ToString(), request.TeamId?.ToString());
        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var from = await TeamStore.InboxTeamAsync(w, inboxId);
            if (mutationId is not null && await IdempotencyStore.FindAsync(w, mutationId) is { } replay)
                return replay.Target == $"inbox:{inboxId}" && replay.RequestHash == hash
                    ? (await InboxAsync(w, inboxId), replay.Seq)
                    : throw new DomainException(ErrorCodes.IdempotencyConflict, "This mutationId was already used for a different change.");
            // The team must exist (in this workspace): a 400 names the field, and nothing changes.
            var to = request.TeamId is { } teamId
                ? await TeamStore.FindAsync(w, teamId) ?? throw new DomainException("team_id_invalid", "No such team.", DomainErrorKind.Invalid)
                : null;
            var seq = w.LastSeq;
            if (from != to?.Id)
            {
                await TeamStore.SetInboxTeamAsync(w, inboxId, to?.Id);
                foreach (var touched in new[] { from, to?.Id })
                {
                    if (touched is not { } changed) continue;
                    var team = await TeamStore.GetAsync(w, changed);
                    team.Version++;
                    team.UpdatedAt = w.NowMs;
                    await TeamStore.UpdateAsync(w, team);
                    seq = await AppendUpdatedAsync(w, team, caller.Actor, mutationId);
                }
                TeamsLog.InboxMoved(logger, w.WorkspaceId, inboxId, from, to?.Id);
            }
            if (mutationId is not null) await IdempotencyStore.RecordAsync(w, mutationId, $"inbox:{inboxId}", hash, seq);
            return (await InboxAsync(w, inboxId), seq);
        }, cancellationToken);
    }

    static async Task<InboxResponse> InboxAsync(WriteContext w, long inboxId) =>
        (await InboxStore.ListAsync(w.Connection, w.Transaction, w.WorkspaceId, w.CancellationToken)).Single(i => i.Id == inboxId);

    static async Task RequireMembersAsync(WriteContext w, IReadOnlyCollection<long> members)
    {
        if ((await TeamStore.UnknownMembersAsync(w, members)).Length > 0)
            throw new DomainException("member_ids_invalid", "memberIds must be members of this workspace.", DomainErrorKind.Invalid);
    }

    /// <summary>Appends <c>team.updated</c> with the team's snapshot: team-only, so no contact and no public data.</summary>
    static Task<long> AppendUpdatedAsync(WriteContext w, TeamRow team, Actor actor, string? mutationId) =>
        w.AppendAsync(new EventDraft(EventTypes.TeamUpdated, null, null, team.ToResponse(), null, team.Version, actor, mutationId));

    static string Target(long id) => $"team:{id}";
}
