using Switchboard.Core.Conversations;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Members;

namespace Switchboard.Server.Queue;

/// <summary>
/// Automatic assignment: the oldest queued conversations go round-robin to online members with room under their
/// capacity. Round-robin order is durable (the seq of each member's latest automatic assignment), so it holds
/// across restarts and nodes.
/// </summary>
public static class AutoAssigner
{
    /// <summary>How many conversations one transaction assigns at most; the next write continues.</summary>
    public const int BatchSize = 100;

    public static async Task<int> AssignAsync(WriteContext w)
    {
        var queued = await ConversationStore.QueuedAsync(w, BatchSize);
        if (queued.Count == 0) return 0;
        var members = await QueueStore.OnlineLoadsAsync(w);
        // A team inbox's conversation goes to a member of its team only (issue 20); read only when one is queued.
        var teams = queued.Any(r => r.InboxTeamId is not null) ? await Teams.TeamStore.MembersByTeamAsync(w) : null;
        var assigned = 0;
        foreach (var record in queued)
        {
            if (!members.Any(m => m.HasRoom)) break;
            var member = members.Where(m => m.HasRoom && (record.InboxTeamId is not { } team || teams![team].Contains(m.MemberId)))
                .OrderBy(m => m.LastAssignedSeq).ThenBy(m => m.MemberId).FirstOrDefault();
            if (member is null) continue; // nobody of its team has room: it waits, the next one may go to someone else
            var transition = ConversationMachine.Assign(record.Conversation, member.MemberId, w.Now);
            await ConversationWriter.SaveTransitionAsync(w, record, transition, Actor.System);
            member.Load++;
            member.LastAssignedSeq = w.LastSeq;
            await MemberStore.MarkAssignedAsync(w, member.MemberId, member.LastAssignedSeq);
            assigned++;
        }
        return assigned;
    }
}
