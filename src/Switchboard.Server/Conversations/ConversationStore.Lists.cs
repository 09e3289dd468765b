using System.Data.Common;
using Dapper;
using Switchboard.Core.Conversations;
using Switchboard.Server.Common;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Conversations;

/// <summary>The lists of conversations other features show or walk (snapshot, idle release, the list endpoint).</summary>
public static partial class ConversationStore
{
    static readonly string Resolved = EnumText.ToText(ConversationState.Resolved);

    /// <summary>A visitor's own conversations, oldest first.</summary>
    public static Task<IReadOnlyList<ConversationRecord>> OfContactAsync(DbConnection c, DbTransaction? tx, long workspaceId, long contactId,
        CancellationToken cancellationToken) =>
        WhereAsync(c, tx, "cv.workspace_id = @workspaceId AND cv.contact_id = @contactId ORDER BY cv.id", new { workspaceId, contactId }, cancellationToken);

    /// <summary>Every unresolved conversation, latest activity first.</summary>
    /// <param name="scope">"" for all, or <c>Teams.ConversationScope.Sql</c> (as for <paramref name="scope"/> below).</param>
    public static Task<IReadOnlyList<ConversationRecord>> OpenAsync(DbConnection c, DbTransaction? tx, long workspaceId, CancellationToken cancellationToken,
        string scope = "") =>
        WhereAsync(c, tx, $"cv.workspace_id = @workspaceId AND cv.state <> @Resolved{scope} ORDER BY cv.activity_at DESC, cv.id DESC",
            new { workspaceId, Resolved }, cancellationToken);

    /// <summary>The <paramref name="limit"/> most recently active resolved conversations.</summary>
    public static Task<IReadOnlyList<ConversationRecord>> RecentResolvedAsync(DbConnection c, DbTransaction? tx, long workspaceId, int limit,
        CancellationToken cancellationToken, string scope = "") =>
        WhereAsync(c, tx, $"cv.workspace_id = @workspaceId AND cv.state = @Resolved{scope} ORDER BY cv.activity_at DESC, cv.id DESC LIMIT {limit}",
            new { workspaceId, Resolved }, cancellationToken);

    /// <summary>The unresolved conversations a member owns, by id.</summary>
    public static Task<IReadOnlyList<ConversationRecord>> OpenAssignedToAsync(WriteContext w, long memberId) =>
        WhereAsync(w.Connection, w.Transaction, "cv.workspace_id = @WorkspaceId AND cv.assignee_id = @memberId AND cv.state <> @Resolved ORDER BY cv.id",
            new { w.WorkspaceId, memberId, Resolved }, w.CancellationToken);

    /// <summary>
    /// A page of the list endpoint: <paramref name="where"/> comes from <see cref="ConversationListQuery.ToSql"/>; each row also
    /// carries the activity it is sorted by, which the next page's cursor encodes.
    /// </summary>
    public static async Task<List<ConversationActivityRow>> PageByActivityAsync(DbConnection c, DbTransaction? tx, string where, object args, int limit,
        CancellationToken cancellationToken) =>
        (await c.QueryAsync<ConversationActivityRow>(new CommandDefinition(
            $"SELECT cv.activity_at AS sort_activity, {ConversationRow.Columns} {ConversationRow.From} WHERE {where} ORDER BY cv.activity_at DESC, cv.id DESC LIMIT {limit}",
            args, tx, cancellationToken: cancellationToken))).ToList();

    static async Task<IReadOnlyList<ConversationRecord>> WhereAsync(DbConnection c, DbTransaction? tx, string condition, object args, CancellationToken cancellationToken) =>
        (await c.QueryAsync<ConversationRow>(new CommandDefinition($"{ConversationRow.Select} WHERE {condition}", args, tx, cancellationToken: cancellationToken)))
            .Select(r => r.ToRecord()).ToList();
}
