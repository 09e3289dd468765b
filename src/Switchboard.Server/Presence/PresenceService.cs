using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Members;
using Switchboard.Server.Queue;
using Switchboard.Server.Realtime;
using Switchboard.Server.Workspaces;
using Switchboard.Core.Workspaces;

namespace Switchboard.Server.Presence;

/// <summary>
/// Presence writes: explicit status, activity, and the idle release. Presence is stored (assignment reads it,
/// snapshots show it) but its changes are announced as the ephemeral <c>presence</c> signal, not as log events
/// (DESIGN §4): a member's activity must not move every client's cursor.
/// </summary>
public sealed class PresenceService(EventLogWriter eventLog, IEphemeralPublisher signals, ILogger<PresenceService> logger)
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

        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
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
            await AnnounceAsync(w, member);
            return new WriteResponse<MemberResponse>(member.ToResponse(), w.LastSeq);
        }, cancellationToken);
    }

    /// <summary>Records activity; an offline member comes online (an explicit <c>away</c> stays away).</summary>
    public Task TouchAsync(long workspaceId, long memberId, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(workspaceId, async w =>
        {
            var member = await MemberStore.FindAsync(w, memberId);
            if (member is null) return 0;
            member.LastActivityAt = w.NowMs;
            if (member.Presence == Offline)
            {
                member.Presence = Online;
                member.Version++;
                await SaveAsync(w, member);
                await AnnounceAsync(w, member);
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
        eventLog.WriteAsync(workspaceId, async w =>
        {
            var member = await FindAsync(w, memberId);
            if (member.Presence == Offline || member.LastActivityAt >= idleBefore.ToUnixTimeMilliseconds()) return false;
            member.Presence = Offline;
            member.Version++;
            await SaveAsync(w, member);
            await AnnounceAsync(w, member);

            var owned = await ConversationStore.OpenAssignedToAsync(w, memberId);
            var released = 0;
            foreach (var record in owned)
            {
                var t = ConversationMachine.IdleRelease(record.Conversation, w.Now);
                if (ConversationMachine.IsNoOp(record.Conversation, t)) continue;
                await ConversationWriter.SaveTransitionAsync(w, record, t, Actor.System);
                released++;
            }
            PresenceLog.IdleReleased(logger, workspaceId, memberId, released);
            return true;
        }, cancellationToken);

    /// <summary>
    /// A presence change: with automatic assignment a member who came online gets queued conversations in this
    /// same transaction; everyone connected hears of it after the commit.
    /// </summary>
    async Task AnnounceAsync(WriteContext w, MemberRow member)
    {
        if (member.Presence == Online && (await WorkspaceStore.GetSettingsAsync(w)).AssignmentPolicy == AssignmentPolicy.Auto)
            await AutoAssigner.AssignAsync(w);
        var signal = EphemeralSignals.MemberPresence(w.WorkspaceId, member.Id, member.Presence);
        w.AfterCommit(() => signals.PublishEphemeral(signal));
    }

    static async Task<MemberRow> FindAsync(WriteContext w, long memberId) =>
        await MemberStore.FindAsync(w, memberId) ?? throw new DomainException("member_not_found", "No such member.", DomainErrorKind.NotFound);

    static Task SaveAsync(WriteContext w, MemberRow member) => MemberStore.SavePresenceAsync(w, member);
}
