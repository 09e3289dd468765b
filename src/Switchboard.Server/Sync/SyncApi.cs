using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Core.Conversations;
using Switchboard.Server.Auth;
using Switchboard.Server.CannedReplies;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Csat;
using Microsoft.Extensions.Options;
using Switchboard.Server.Errors;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Labels;
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
        var group = routes.MapGroup("/api/v1/sync").WithTags("Sync").ProducesProblems().RequireAuthorization(Policies.Participant);
        group.MapGet("/snapshot", SnapshotAsync);
        return group;
    }

    public static async Task<Ok<SnapshotResponse>> SnapshotAsync(HttpContext http, Database database, IOptions<CsatOptions> csatOptions, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        return TypedResults.Ok(await database.ReadAsync(async (c, tx) =>
        {
            var cursor = await WorkspaceStore.CursorAsync(c, tx, caller.WorkspaceId);
            if (caller.IsVisitor)
            {
                var own = await ConversationStore.OfContactAsync(c, tx, caller.WorkspaceId, caller.ContactId!.Value, cancellationToken);
                var ownCsat = await CsatStore.LatestAsync(c, tx, caller.WorkspaceId, caller.ContactId, cancellationToken);
                return new SnapshotResponse(cursor, own.Select(ConversationViews.ForVisitor).ToList(), [], [], [], [],
                    ownCsat.Select(r => r.ToVisitor(csatOptions.Value)).ToList());
            }
            // An operator's snapshot holds the conversations of their scope only (issue 20, teams).
            var scope = Teams.ConversationScope.Sql(caller);
            var open = await ConversationStore.OpenAsync(c, tx, caller.WorkspaceId, cancellationToken, scope);
            var recent = await ConversationStore.RecentResolvedAsync(c, tx, caller.WorkspaceId, RecentResolved, cancellationToken, scope);
            var members = await MemberStore.ListAsync(c, tx, caller.WorkspaceId, cancellationToken);
            var inboxes = await InboxStore.ListAsync(c, tx, caller.WorkspaceId, cancellationToken);
            var labels = await LabelStore.ListAsync(c, tx, caller.WorkspaceId, cancellationToken);
            var cannedReplies = await CannedReplyStore.VisibleAsync(c, tx, caller.WorkspaceId, caller.MemberId, cancellationToken);
            var shown = open.Concat(recent).Select(r => r.Conversation.Id).ToHashSet();
            var csat = (await CsatStore.LatestAsync(c, tx, caller.WorkspaceId, null, cancellationToken)).Where(r => shown.Contains(r.ConversationId));
            return new SnapshotResponse(cursor,
                open.Concat(recent).Select(ConversationViews.ForTeam).ToList(),
                members.Select(m => m.ToResponse()).ToList(),
                inboxes,
                labels.Select(l => l.ToResponse()).ToList(),
                cannedReplies.Select(r => r.ToResponse()).ToList(),
                csat.Select(r => r.ToTeam(csatOptions.Value)).ToList());
        }, cancellationToken));
    }
}
