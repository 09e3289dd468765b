namespace Switchboard.Server.Search;

/// <summary>Search's log messages (event ids 3600–3699). Counts and timings only, never the query's words.</summary>
public static partial class SearchLog
{
    [LoggerMessage(EventId = 3600, Level = LogLevel.Debug, Message = "Search in workspace {WorkspaceId}: {Terms} terms, {Hits} message hits in {ElapsedMs} ms")]
    public static partial void Searched(ILogger logger, long workspaceId, int terms, int hits, long elapsedMs);
}
