using System.Data.Common;

namespace Switchboard.Server.EventLog;

/// <summary>
/// How long a workspace keeps its events. Workspace settings own the value; the log only asks, so it needs no
/// knowledge of the settings' shape (and no import of the feature that owns them).
/// </summary>
public interface IEventRetention
{
    Task<TimeSpan> RetentionAsync(DbConnection connection, DbTransaction tx, long workspaceId, CancellationToken cancellationToken);
}
