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

    /// <summary>The settings as this write sees them: read by the message and again by the hooks, from memory (ConfigCache).</summary>
    public static ValueTask<WorkspaceSettings> GetSettingsAsync(WriteContext w) =>
        w.ReadConfigAsync("workspace-settings", 0, w => GetSettingsAsync(w.Connection, w.Transaction, w.WorkspaceId));

    /// <summary>Stores new settings (and a new name, when given) in this write.</summary>
    public static async Task SaveSettingsAsync(WriteContext w, WorkspaceSettings settings, string? name)
    {
        await w.ExecuteAsync("UPDATE workspaces SET settings = @settings, name = COALESCE(@name, name) WHERE id = @WorkspaceId",
            new { settings = Serialize(settings), name, w.WorkspaceId }, w.CancellationToken);
        await w.ConfigChangedAsync();
    }

    public static string Serialize(WorkspaceSettings settings) => JsonSerializer.Serialize(settings, JsonDefaults.Options);

    /// <summary>The highest committed seq of a workspace: the cursor that matches data read in the same transaction.</summary>
    public static Task<long> CursorAsync(DbConnection connection, DbTransaction? tx, long workspaceId) =>
        connection.QuerySingleAsync<long>("SELECT last_seq FROM workspaces WHERE id = @workspaceId", new { workspaceId }, tx);
}
