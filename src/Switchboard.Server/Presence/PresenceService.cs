using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Events;
using Switchboard.Server.Members;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Presence;

/// <summary>Presence writes: explicit status, activity, and the idle release. Changes of presence append <c>member.updated</c>.</summary>
public sealed class PresenceService(Database database, ILogger<PresenceService> logger)
{
    static readonly string Offline = EnumText.ToText(PresenceStatus.Offline);
    static readonly string Online = EnumText.ToText(PresenceStatus.Online);

    public Task<WriteResponse<MemberResponse>> SetStatusAsync(Caller caller, string? status, CancellationToken cancellationToken)
    {
        var memberId = caller.MemberId
            ?? throw new DomainException("member_required", "Only a signed-in member has a presence.", DomainErrorKind.Forbidden);
        var next = EnumText.ParseInput<PresenceStatus>(status, "status");
        if (next == PresenceStatus.Offline)
            throw new DomainException("status_invalid", "status must be online or away; offline follows from inactivity.", DomainErrorKind.Invalid);

        return database.WriteAsync(caller.WorkspaceId, async w =>
        {
            var member = await FindAsync(w, memberId);
            var text = EnumText.ToText(next);
            member.LastActivityAt = w.NowMs;
            if (member.Presence == text)
            {
                await SaveAsync(w, member);
                return new WriteResponse<MemberResponse>(member.ToResponse(), w.LastSeq);
            }
            member.Presence = text;
            member.Version++;
            await SaveAsync(w, member);
            var seq = await MemberService.AppendUpdatedAsync(w, member, caller.Actor);
            return new WriteResponse<MemberResponse>(member.ToResponse(), seq);
        }, cancellationToken);
    }

    /// <summary>Records activity; an offline member comes online (an explicit <c>away</c> stays away).</summary>
    public Task TouchAsync(long workspaceId, long memberId, CancellationToken cancellationToken) =>
        database.WriteAsync(workspaceId, async w =>
        {
            var member = await w.QuerySingleOrDefaultAsync<MemberRow>(
                $"SELECT {MemberRow.Columns} FROM members WHERE workspace_id = @WorkspaceId AND id = @memberId", new { w.WorkspaceId, memberId });
            if (member is null) return 0;
            member.LastActivityAt = w.NowMs;
            if (member.Presence == Offline)
            {
                member.Presence = Online;
                member.Version++;
                await SaveAsync(w, member);
                await MemberService.AppendUpdatedAsync(w, member, Actor.Member(memberId));
                PresenceLog.CameOnline(logger, workspaceId, memberId);
            }
            else await SaveAsync(w, member);
            return 0;
        }, cancellationToken);

    /// <summary>
    /// Takes a member offline if they are still idle (no activity since <paramref name="idleBefore"/>) and returns
    /// their open conversations to the queue. Checked again inside the transaction: activity that raced the sweep wins.
    /// </summary>
    public Task<bool> ReleaseIdleAsync(long workspaceId, long memberId, DateTimeOffset idleBefore, CancellationToken cancellationToken) =>
        database.WriteAsync(workspaceId, async w =>
        {
            var member = await FindAsync(w, memberId);
            if (member.Presence == Offline || member.LastActivityAt >= idleBefore.ToUnixTimeMilliseconds()) return false;
            member.Presence = Offline;
            member.Version++;
            await SaveAsync(w, member);
            await MemberService.AppendUpdatedAsync(w, member, Actor.System);

            var owned = await w.QueryAsync<ConversationRow>(
                $"{ConversationRow.Select} WHERE cv.workspace_id = @WorkspaceId AND cv.assignee_id = @memberId AND cv.state <> @resolved ORDER BY cv.id",
                new { w.WorkspaceId, memberId, resolved = EnumText.ToText(ConversationState.Resolved) });
            var released = 0;
            foreach (var row in owned)
            {
                var record = row.ToRecord();
                var t = ConversationMachine.IdleRelease(record.Conversation, w.Now);
                if (ConversationMachine.IsNoOp(record.Conversation, t)) continue;
                await ConversationViews.CommitAsync(w, record, t, Actor.System);
                released++;
            }
            PresenceLog.IdleReleased(logger, workspaceId, memberId, released);
            return true;
        }, cancellationToken);

    static async Task<MemberRow> FindAsync(WriteContext w, long memberId) =>
        await w.QuerySingleOrDefaultAsync<MemberRow>(
            $"SELECT {MemberRow.Columns} FROM members WHERE workspace_id = @WorkspaceId AND id = @memberId", new { w.WorkspaceId, memberId })
        ?? throw new DomainException("member_not_found", "No such member.", DomainErrorKind.NotFound);

    static Task SaveAsync(WriteContext w, MemberRow member) => w.ExecuteAsync(
        "UPDATE members SET presence = @Presence, last_activity_at = @LastActivityAt, version = @Version WHERE id = @Id", member);
}
