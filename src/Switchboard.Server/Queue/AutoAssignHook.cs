using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Queue;

/// <summary>
/// Applies the automatic policy in the same transaction as whatever may call for it: a conversation entering
/// the queue (handoff, bot off, unassign, idle release, a customer writing again), a member coming online, or
/// capacity being freed (resolve, release on reply). Hooking every write, rather than each of those code paths,
/// means a new path that queues a conversation cannot forget to assign it.
/// </summary>
public sealed class AutoAssignHook(ILogger<AutoAssignHook> logger) : IWriteHook
{
    /// <summary>First: later hooks (webhooks, statistics) must see the assignments too.</summary>
    public int Order => 0;

    public async Task BeforeCommitAsync(WriteContext w, IReadOnlyList<AppendedEvent> events, CancellationToken cancellationToken)
    {
        if (!events.Any(MayCallForAssignment)) return;
        var settings = await WorkspaceStore.GetSettingsAsync(w);
        if (settings.AssignmentPolicy != AssignmentPolicy.Auto) return;
        var count = await AutoAssigner.AssignAsync(w);
        if (count > 0) QueueLog.AutoAssigned(logger, w.WorkspaceId, count);
    }

    static bool MayCallForAssignment(AppendedEvent e) => e.Draft.Type switch
    {
        // Its own assignments change nothing that could make room for another.
        EventTypes.ConversationUpdated => e.Draft.Data is not ConversationEventData { Change: ConversationChange.Assigned } || e.Draft.Actor != Actor.System,
        EventTypes.MessageCreated => true,
        EventTypes.MemberUpdated => true,
        _ => false,
    };
}
