using Switchboard.Core.Events;
using Switchboard.Core.Messages;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;

namespace Switchboard.Server.Widget.Availability;

/// <summary>
/// Outside business hours a customer's message is not met with silence: unless the bot answers it, the conversation
/// gets one automatic reply per closed period saying when the team is back (<c>widget.closed_reply</c>, queued in the
/// message's transaction like the bot's turn).
/// </summary>
public sealed class ClosedHoursHook(WidgetAvailability availability, JobQueue jobs) : IWriteHook
{
    /// <summary>Beside the bot's trigger (50), which skips the bot outside hours when the inbox says so.</summary>
    public int Order => 55;

    public async Task BeforeCommitAsync(WriteContext w, IReadOnlyList<AppendedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            if (e.Draft.Type != EventTypes.MessageCreated
                || e.Draft.Data is not MessageEventData { Message: { SenderRole: SenderRole.Customer, IsNote: false } message, Conversation: { } conversation })
                continue;
            if (await availability.NowAsync(w, conversation.InboxId) is not { Open: false } now) continue;
            if (conversation.BotActive && now.BotAnswers) continue;
            var reopens = now.NextOpenAt?.ToUnixTimeSeconds() ?? 0;
            await jobs.EnqueueAsync(w, ClosedReplyHandler.JobKind, new ClosedReplyJob(message.ConversationId, now.NextOpenAt, now.TimeZone),
                new JobEnqueueOptions(DedupeKey: $"{ClosedReplyHandler.JobKind}:{message.ConversationId}:{reopens}"));
        }
    }
}
