using System.Data.Common;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Workspaces;

/// <summary>A workspace's event retention, from its settings.</summary>
public sealed class WorkspaceEventRetention : IEventRetention
{
    public async Task<TimeSpan> RetentionAsync(DbConnection connection, DbTransaction tx, long workspaceId, CancellationToken cancellationToken) =>
        (await WorkspaceStore.GetSettingsAsync(connection, tx, workspaceId)).EventRetention;
}
