namespace Switchboard.Client.Models;

/// <summary>
/// A team (docs/api.md, "Teams"): operators see the conversations of their teams' inboxes and of inboxes with no team;
/// admins see all. A team change resets operators' streams, and the live store reloads its snapshot (its new scope).
/// </summary>
public sealed record TeamDto
{
    /// <summary>Team id.</summary>
    public long Id { get; init; }
    /// <summary>Display name, unique in the workspace regardless of case.</summary>
    public string Name { get; init; } = "";
    /// <summary>Its members, ascending.</summary>
    public IReadOnlyList<long> MemberIds { get; init; } = [];
    /// <summary>The inboxes in the team, ascending.</summary>
    public IReadOnlyList<long> InboxIds { get; init; } = [];
    /// <summary>Entity version: a <c>team.updated</c> with a lower one than held is stale.</summary>
    public long Version { get; init; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>An inbox as <c>PUT /inboxes/{id}/team</c> answers it: which team it is in now (null: none).</summary>
public sealed record InboxTeamDto(long Id, string Name, string Channel, long? TeamId);
