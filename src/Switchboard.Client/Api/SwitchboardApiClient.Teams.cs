using Switchboard.Client.Models;

namespace Switchboard.Client.Api;

/// <summary>Teams (docs/api.md, "Teams"): the team lists them, admins change them. Every write is idempotent with its <c>mutationId</c>.</summary>
public sealed partial class SwitchboardApiClient
{
    /// <summary>The workspace's teams, by name (team only).</summary>
    public async Task<IReadOnlyList<TeamDto>> ListTeamsAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync<ItemsPage<TeamDto>>(HttpMethod.Get, "/api/v1/teams", null, cancellationToken)).Items;

    /// <summary>Creates a team (admins). 409 <c>team_name_taken</c>; 400 <c>name_invalid</c>, <c>member_ids_invalid</c>.</summary>
    public Task<TeamWriteResult> CreateTeamAsync(string name, IReadOnlyList<long>? memberIds = null, string? mutationId = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<TeamWriteResult>(HttpMethod.Post, "/api/v1/teams", new { name, memberIds = memberIds ?? [], mutationId }, cancellationToken);

    /// <summary>Renames a team and/or sets its members (the whole list; admins); null leaves a field as it is.</summary>
    public Task<TeamWriteResult> UpdateTeamAsync(long id, string? name = null, IReadOnlyList<long>? memberIds = null, string? mutationId = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<TeamWriteResult>(HttpMethod.Patch, $"/api/v1/teams/{id}", new { name, memberIds, mutationId }, cancellationToken);

    /// <summary>Deletes a team (admins): its inboxes get no team, so every operator sees them again.</summary>
    public Task<TeamDeletedResult> DeleteTeamAsync(long id, string? mutationId = null, CancellationToken cancellationToken = default) =>
        SendAsync<TeamDeletedResult>(HttpMethod.Delete, $"/api/v1/teams/{id}" + Query(("mutationId", mutationId)), null, cancellationToken);

    /// <summary>Puts an inbox in a team, or in none (<paramref name="teamId"/> null; admins).</summary>
    public Task<InboxTeamResult> SetInboxTeamAsync(long inboxId, long? teamId, string? mutationId = null, CancellationToken cancellationToken = default) =>
        SendAsync<InboxTeamResult>(HttpMethod.Put, $"/api/v1/inboxes/{inboxId}/team", new { teamId, mutationId }, cancellationToken);
}

/// <summary>A team after a write and the seq of its <c>team.updated</c>.</summary>
public sealed record TeamWriteResult(TeamDto Data, long Seq);

/// <summary>A deletion's <c>team.deleted</c> seq and how many inboxes it left without a team.</summary>
public sealed record TeamDeletedResult(long Id, long Seq, int InboxesCleared);

/// <summary>An inbox after its team changed, and the seq of the last <c>team.updated</c> it caused.</summary>
public sealed record InboxTeamResult(InboxTeamDto Data, long Seq);
