using Microsoft.Extensions.Options;
using Switchboard.Core.Events;
using Switchboard.Core.Messages;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Storage;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// Enqueues a <c>whatsapp.send</c> job for every message the team (an operator, an integration or the bot) writes in a
/// WhatsApp conversation, in the transaction that stores it: whoever writes through <see cref="MessageService"/>
/// reaches WhatsApp, and a rolled-back message is never sent.
/// </summary>
public sealed class WhatsAppSendHook(JobQueue jobs, IOptions<WhatsAppOptions> options) : IWriteHook
{
    /// <summary>Only enqueues; runs after the hooks that append events and before the webhooks' catch-all.</summary>
    public int Order => 90;

    public async Task BeforeCommitAsync(WriteContext w, IReadOnlyList<AppendedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            // Only a channel's send policy makes a message start as sending: anything else needs no look at the inbox.
            if (e.Stored.Type != EventTypes.MessageCreated || e.Draft.Data is not MessageEventData { Message: var m }
                || m.IsNote || m.SenderRole == SenderRole.Customer || m.Status != DeliveryStatus.Sending) continue;
            var channel = await w.QuerySingleAsync<string>(
                "SELECT i.channel FROM conversations c JOIN inboxes i ON i.id = c.inbox_id WHERE c.id = @ConversationId", new { m.ConversationId });
            if (channel != InboxesApi.WhatsAppChannel) continue;
            await jobs.EnqueueAsync(w, WhatsAppSendHandler.JobKind, new WhatsAppSendJob(m.Id), new JobEnqueueOptions(MaxAttempts: options.Value.SendMaxAttempts));
        }
    }
}
