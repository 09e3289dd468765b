using Switchboard.Core.Conversations;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Labels;

/// <summary>Stores a conversation's new label set with its version bump and appends the <c>conversation.updated</c> that carries it.</summary>
public static class ConversationLabelWriter
{
    /// <summary>Returns the conversation after the change and its event's seq, or null when the set is the same (nothing written).</summary>
    public static async Task<(ConversationRecord Record, long Seq)?> SaveAsync(WriteContext w, ConversationRecord record, IReadOnlyCollection<long> labelIds,
        Actor actor, string? mutationId)
    {
        var before = record.Conversation;
        var next = new LabelIdSet(labelIds);
        if (next.Equals(before.LabelIds)) return null;
        var after = record.With(before with { LabelIds = next, Version = before.Version + 1, UpdatedAt = w.Now });
        await ConversationStore.UpdateLabelsAsync(w, before, after.Conversation);
        // The visitor's copy is built without labels (ConversationViews.ForVisitor): the change shows them nothing new but the version.
        var seq = await ConversationWriter.AppendEventAsync(w, after, ConversationChange.LabelsChanged, actor, mutationId);
        return (after, seq);
    }
}
