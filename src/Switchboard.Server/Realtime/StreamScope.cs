using Switchboard.Core.Teams;

namespace Switchboard.Server.Realtime;

/// <summary>
/// Which conversations' events and signals a stream's viewer gets (issue 20, teams): <see cref="TeamVisibility"/>
/// applied to the inbox every conversation event and signal carries, with the viewer's teams and each inbox's team
/// as they were when the stream started. A team change that could alter them ends an operator's stream with a
/// <c>reset</c> (<see cref="Audience.ScopeChangedBy"/>), so a stream never runs on a stale scope.
/// </summary>
public sealed record StreamScope(IReadOnlyCollection<long>? TeamIds, IReadOnlyDictionary<long, long> InboxTeams)
{
    // No inbox is outside this viewer's teams (the common case: no teams at all): they see every conversation, even one
    // whose event or signal does not name its inbox.
    readonly bool hidesNone = TeamIds is null || InboxTeams.Values.All(team => TeamIds.Contains(team));

    /// <summary>Every conversation of the workspace (admins, API keys; a visitor is scoped by contact instead).</summary>
    public static readonly StreamScope All = new(null, new Dictionary<long, long>());

    /// <summary>No conversation at all: an operator's stream before its scope is read.</summary>
    public static readonly StreamScope Nothing = new([], new Dictionary<long, long>()) { Closed = true };

    bool Closed { get; init; }

    public bool SeesAll => TeamIds is null;

    /// <summary>Whether a conversation of <paramref name="inboxId"/> is in scope; an unknown inbox (null) only for who sees all.</summary>
    public bool Sees(long? inboxId) => !Closed && (hidesNone
        || (inboxId is { } inbox && TeamVisibility.Sees(TeamIds, InboxTeams.TryGetValue(inbox, out var team) ? team : null)));
}
