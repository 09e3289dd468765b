namespace Switchboard.Core.CannedReplies;

/// <summary>
/// Who sees and uses a canned reply: the whole workspace (admins manage it) or its owner alone. Stored as
/// <c>"workspace"</c> / <c>"personal"</c> with an owner id (0, the member); a team scope would store its team's id.
/// </summary>
public enum CannedReplyScope
{
    Workspace,
    Personal,
}
