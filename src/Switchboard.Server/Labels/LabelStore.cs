using System.Data.Common;
using Dapper;
using Switchboard.Core;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Labels;

/// <summary>SQL of the <c>labels</c> table. Every query names the workspace: another workspace's label is simply not found.</summary>
public static class LabelStore
{
    public static async Task<IReadOnlyList<LabelRow>> ListAsync(DbConnection c, DbTransaction? tx, long workspaceId, CancellationToken cancellationToken) =>
        (await c.QueryAsync<LabelRow>(new CommandDefinition(
            $"SELECT {LabelRow.Columns} FROM labels WHERE workspace_id = @workspaceId ORDER BY name_key, id", new { workspaceId }, tx,
            cancellationToken: cancellationToken))).ToList();

    public static Task<LabelRow?> FindAsync(WriteContext w, long id) => w.QuerySingleOrDefaultAsync<LabelRow>(
        $"SELECT {LabelRow.Columns} FROM labels WHERE workspace_id = @WorkspaceId AND id = @id", new { w.WorkspaceId, id }, w.CancellationToken);

    public static async Task<LabelRow> GetAsync(WriteContext w, long id) =>
        await FindAsync(w, id) ?? throw new DomainException("label_not_found", "No such label.", DomainErrorKind.NotFound);

    /// <summary>
    /// Which of <paramref name="ids"/> are labels of the write's workspace. A workspace has at most a few hundred labels, so
    /// its ids are read whole: one statement that reads the same on both databases (no list parameters).
    /// </summary>
    public static async Task<HashSet<long>> ExistingAsync(WriteContext w, IReadOnlyCollection<long> ids) => ids.Count == 0
        ? []
        : (await w.QueryAsync<long>("SELECT id FROM labels WHERE workspace_id = @WorkspaceId", new { w.WorkspaceId }, w.CancellationToken))
            .Where(ids.Contains).ToHashSet();

    public static Task<int> CountAsync(WriteContext w) =>
        w.QuerySingleAsync<int>("SELECT COUNT(*) FROM labels WHERE workspace_id = @WorkspaceId", new { w.WorkspaceId }, w.CancellationToken);

    /// <summary>Whether another label of the workspace has this name key (case-insensitive name).</summary>
    public static async Task<bool> NameTakenAsync(WriteContext w, string nameKey, long exceptId) =>
        await w.QuerySingleOrDefaultAsync<long?>("SELECT id FROM labels WHERE workspace_id = @WorkspaceId AND name_key = @nameKey AND id <> @exceptId",
            new { w.WorkspaceId, nameKey, exceptId }, w.CancellationToken) is not null;

    public static Task<LabelRow> InsertAsync(WriteContext w, string name, string colour, string? description) => w.QuerySingleAsync<LabelRow>($"""
        INSERT INTO labels (workspace_id, name, name_key, colour, description, version, created_at, updated_at)
        VALUES (@WorkspaceId, @name, @nameKey, @colour, @description, 1, @NowMs, @NowMs)
        RETURNING {LabelRow.Columns}
        """, new { w.WorkspaceId, name, nameKey = LabelRules.NameKey(name), colour, description, w.NowMs }, w.CancellationToken);

    public static Task UpdateAsync(WriteContext w, LabelRow label) => w.ExecuteAsync("""
        UPDATE labels SET name = @Name, name_key = @nameKey, colour = @Colour, description = @Description, version = @Version, updated_at = @UpdatedAt
        WHERE workspace_id = @WorkspaceId AND id = @Id
        """, new { label.Name, nameKey = LabelRules.NameKey(label.Name), label.Colour, label.Description, label.Version, label.UpdatedAt, label.WorkspaceId, label.Id },
        w.CancellationToken);

    public static Task DeleteAsync(WriteContext w, long id) =>
        w.ExecuteAsync("DELETE FROM labels WHERE workspace_id = @WorkspaceId AND id = @id", new { w.WorkspaceId, id }, w.CancellationToken);
}
