namespace Switchboard.Server.Contacts;

/// <summary>Log messages of contacts (event ids 3800–3899). Ids and counts only, never names, emails or pages.</summary>
public static partial class ContactsLog
{
    [LoggerMessage(3800, LogLevel.Information, "Contact {MergedId} of workspace {WorkspaceId} merged into contact {KeptId}; {Conversations} conversations moved")]
    public static partial void Merged(ILogger logger, long workspaceId, long mergedId, long keptId, int conversations);
}
