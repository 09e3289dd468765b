namespace Switchboard.Server.Teams;

/// <summary>Log messages of teams (event ids 3700–3799). Ids and counts only, never names.</summary>
public static partial class TeamsLog
{
    [LoggerMessage(3700, LogLevel.Information, "Team {TeamId} of workspace {WorkspaceId} now has {Members} members")]
    public static partial void MembersSet(ILogger logger, long workspaceId, long teamId, int members);

    [LoggerMessage(3701, LogLevel.Information, "Team {TeamId} of workspace {WorkspaceId} deleted; {Inboxes} inboxes left without a team")]
    public static partial void Deleted(ILogger logger, long workspaceId, long teamId, int inboxes);

    [LoggerMessage(3702, LogLevel.Information, "Inbox {InboxId} of workspace {WorkspaceId} moved from team {From} to team {To}")]
    public static partial void InboxMoved(ILogger logger, long workspaceId, long inboxId, long? from, long? to);
}
