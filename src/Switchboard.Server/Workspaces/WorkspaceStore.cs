using System.Data.Common;
using System.Text.Json;
using Dapper;
using Switchboard.Core.Workspaces;
using Switchboard.Server.EventLog;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Workspaces;

public static class WorkspaceStore
{
    public static async Task<WorkspaceSettings> GetSettingsAsync(DbConnection connection, DbTransaction? tx, long workspaceId)
    {
        var json = await connection.QuerySingleAsync<string>("SELECT settings FROM workspaces WHERE id = @workspaceId", new { workspaceId }, tx);
        return JsonSerializer.Deserialize<WorkspaceSettings>(json, JsonDefaults.Options) ?? new WorkspaceSettings();
    }

    public static Task<WorkspaceSettings> GetSettingsAsync(WriteContext w) => GetSettingsAsync(w.Connection, w.Transaction, w.WorkspaceId);

    public static string Serialize(WorkspaceSettings settings) => JsonSerializer.Serialize(settings, JsonDefaults.Options);

    /// <summary>The highest committed seq of a workspace: the cursor that matches data read in the same transaction.</summary>
    public static Task<long> CursorAsync(DbConnection connection, DbTransaction? tx, long workspaceId) =>
        connection.QuerySingleAsync<long>("SELECT last_seq FROM workspaces WHERE id = @workspaceId", new { workspaceId }, tx);
}
