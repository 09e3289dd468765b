namespace Switchboard.Server.Teams;

/// <summary>
/// A team (issue 20): a name unique in the workspace (regardless of case), its members and the inboxes it owns (an
/// inbox's team is set on the inbox: <c>PUT /api/v1/inboxes/{id}/team</c>). Operators see the conversations of their
/// teams' inboxes and of inboxes with no team.
/// </summary>
public sealed record TeamResponse(long Id, string Name, IReadOnlyList<long> MemberIds, IReadOnlyList<long> InboxIds, long Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Create a team, optionally with its members. Retrying with the same <c>mutationId</c> answers with the team it created.</summary>
public sealed record CreateTeamRequest(string? MutationId, string? Name, IReadOnlyList<long>? MemberIds);

/// <summary>Rename a team and/or set its members (the whole list): absent fields stay as they are.</summary>
public sealed record UpdateTeamRequest(string? MutationId, string? Name, IReadOnlyList<long>? MemberIds);

/// <summary>Put an inbox in a team (<c>teamId</c>) or in none (<c>null</c>).</summary>
public sealed record InboxTeamRequest(string? MutationId, long? TeamId);

/// <summary>The data of <c>team.deleted</c>: which team, at the version its deletion gave it.</summary>
public sealed record TeamDeletedData(long Id, long Version);

/// <summary>The answer to a deletion: the event's seq and how many inboxes it left without a team.</summary>
public sealed record TeamDeletedResponse(long Id, long Seq, int InboxesCleared);
