using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Core.Conversations;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Members;
using Switchboard.Server.Storage;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Sync;

public static class SyncApi
{
    /// <summary>How many resolved conversations (newest first) a snapshot carries besides all open ones.</summary>
    public const int RecentResolved = 100;

    public static RouteGroupBuilder MapSyncApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/sync").WithTags("Sync").RequireAuthorization(Policies.Participant);
        group.MapGet("/snapshot", SnapshotAsync);
        return group;
    }

    public static async Task<Ok<SnapshotResponse>> SnapshotAsync(HttpContext http, Database database, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        return TypedResults.Ok(await database.ReadAsync(async (c, tx) =>
        {
            var cursor = await WorkspaceStore.CursorAsync(c, tx, caller.WorkspaceId);
            if (caller.IsVisitor)
            {
                var own = await c.QueryAsync<ConversationRow>($"{ConversationRow.Select} WHERE cv.workspace_id = @WorkspaceId AND cv.contact_id = @ContactId ORDER BY cv.id",
                    new { caller.WorkspaceId, caller.ContactId }, tx);
                return new SnapshotResponse(cursor, own.Select(r => ConversationViews.ForVisitor(r.ToRecord())).ToList(), [], []);
            }
            var resolved = EnumText.ToText(ConversationState.Resolved);
            var open = await c.QueryAsync<ConversationRow>(
                $"{ConversationRow.Select} WHERE cv.workspace_id = @WorkspaceId AND cv.state <> @resolved ORDER BY cv.activity_at DESC, cv.id DESC",
                new { caller.WorkspaceId, resolved }, tx);
            var recent = await c.QueryAsync<ConversationRow>(
                $"{ConversationRow.Select} WHERE cv.workspace_id = @WorkspaceId AND cv.state = @resolved ORDER BY cv.activity_at DESC, cv.id DESC LIMIT {RecentResolved}",
                new { caller.WorkspaceId, resolved }, tx);
            var members = await c.QueryAsync<MemberRow>($"SELECT {MemberRow.Columns} FROM members WHERE workspace_id = @WorkspaceId ORDER BY id", new { caller.WorkspaceId }, tx);
            var inboxes = await InboxesApi.QueryAllAsync(c, tx, caller.WorkspaceId);
            return new SnapshotResponse(cursor,
                open.Concat(recent).Select(r => ConversationViews.ForTeam(r.ToRecord())).ToList(),
                members.Select(m => m.ToResponse()).ToList(),
                inboxes);
        }, cancellationToken));
    }
}
