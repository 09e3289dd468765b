namespace Switchboard.Core.Teams;

/// <summary>
/// The one rule of who sees a conversation (issue 20, teams). A viewer with no team scope (an admin, an API key, the
/// system) sees every conversation of the workspace; an operator sees a conversation when its inbox has no team or the
/// operator is a member of the inbox's team. REST reads apply it to the conversation's inbox team (and, for lists, as
/// SQL through <c>Teams/ConversationScope</c>), streams to the inbox every event carries.
/// </summary>
public static class TeamVisibility
{
    /// <param name="memberTeams">The operator's teams; null for a viewer who sees all.</param>
    /// <param name="inboxTeam">The team of the conversation's inbox; null when it has none.</param>
    public static bool Sees(IReadOnlyCollection<long>? memberTeams, long? inboxTeam) =>
        memberTeams is null || inboxTeam is not { } team || memberTeams.Contains(team);
}
