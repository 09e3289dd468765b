namespace Switchboard.Server.Labels;

/// <summary>Log messages of labels (event ids 3300–3399). Ids and counts only, never names.</summary>
public static partial class LabelsLog
{
    [LoggerMessage(3300, LogLevel.Information, "Label {LabelId} of workspace {WorkspaceId} deleted; taken off {Conversations} conversations")]
    public static partial void Deleted(ILogger logger, long workspaceId, long labelId, int conversations);
}
