using System.Globalization;
using Switchboard.Core.Teams;
using Switchboard.Server.Auth;

namespace Switchboard.Server.Teams;

/// <summary>
/// Which conversations a caller may see, in the two forms the server needs: a test of one conversation (its inbox's
/// team) and a SQL condition over <c>cv</c> (a <c>conversations</c> row) for every list, the queue and search. Both are
/// <see cref="TeamVisibility"/>: admins and API keys see all; an operator the conversations of inboxes with no team or
/// of their teams. The streams apply the same rule to the inbox each event carries (<c>Realtime/Audience</c>).
/// </summary>
public static class ConversationScope
{
    public static bool Sees(Caller caller, long? inboxTeamId) => TeamVisibility.Sees(caller.TeamIds, inboxTeamId);

    /// <summary>
    /// <c>" AND …"</c> keeping the conversations <paramref name="caller"/> may see, or "" when they see all. The team ids are
    /// numbers read from the database, written into the statement (no list parameters, which the two databases bind differently).
    /// </summary>
    public static string Sql(Caller caller) => Sql(caller.TeamIds);

    public static string Sql(IReadOnlyCollection<long>? teamIds)
    {
        if (teamIds is null) return "";
        var outside = teamIds.Count == 0 ? "" : $" AND sb_scope.team_id NOT IN ({string.Join(", ", teamIds.Select(t => t.ToString(CultureInfo.InvariantCulture)))})";
        return $" AND cv.inbox_id NOT IN (SELECT sb_scope.id FROM inboxes sb_scope WHERE sb_scope.team_id IS NOT NULL{outside})";
    }
}
