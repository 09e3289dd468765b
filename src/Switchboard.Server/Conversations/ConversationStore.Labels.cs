using Dapper;
using Switchboard.Core.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Labels;

namespace Switchboard.Server.Conversations;

/// <summary>The conversation's labels (issue 20): a column of its snapshot, written only by the label changes.</summary>
public static partial class ConversationStore
{
    /// <summary>Stores a snapshot whose labels (and so version and update time) changed; the same version guard as <see cref="UpdateAsync"/>.</summary>
    public static async Task UpdateLabelsAsync(WriteContext w, Conversation before, Conversation next)
    {
        var changed = await w.ExecuteAsync("""
            UPDATE conversations SET label_ids = @labelIds, version = @Version, updated_at = @updatedAt
            WHERE id = @Id AND workspace_id = @WorkspaceId AND version = @expectedVersion
            """, new { labelIds = LabelIdList.Format(next.LabelIds), next.Version, updatedAt = next.UpdatedAt.ToUnixTimeMilliseconds(),
                next.Id, next.WorkspaceId, expectedVersion = before.Version }, w.CancellationToken);
        if (changed != 1) throw new InvalidOperationException($"Conversation {next.Id} changed under a serialized writer.");
    }

    /// <summary>Every conversation of the write's workspace that carries <paramref name="labelId"/>, by id.</summary>
    public static Task<IReadOnlyList<ConversationRecord>> WithLabelAsync(WriteContext w, long labelId) =>
        WhereAsync(w.Connection, w.Transaction, $"cv.workspace_id = @WorkspaceId AND {LabelIdList.CarriesLabelSql} ORDER BY cv.id",
            new { w.WorkspaceId, labelPattern = LabelIdList.Pattern(labelId) }, w.CancellationToken);
}
