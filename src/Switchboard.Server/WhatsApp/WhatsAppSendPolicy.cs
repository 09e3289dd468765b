using Microsoft.Extensions.Options;
using Switchboard.Core;
using Switchboard.Core.Messages;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// WhatsApp's rules for team messages: free-form messages only within the customer service window (24 hours after
/// the customer's last message, by the injected clock), templates at any time; either starts as <c>sending</c> until
/// the Cloud API accepts it. Refusing here, at the request, beats a message that fails minutes later. Once stored, the
/// message gets its <c>whatsapp.send</c> job in the same transaction: whoever writes through <see cref="MessageService"/>
/// (an operator, an integration, the bot) reaches WhatsApp, and a rolled-back message is never sent.
/// </summary>
public sealed class WhatsAppSendPolicy(JobQueue jobs, IOptions<WhatsAppOptions> options) : IChannelSendPolicy
{
    public const string WindowClosed = "whatsapp_window_closed";

    public string Channel => InboxChannels.WhatsApp;

    public async Task<DeliveryStatus> BeforeSendAsync(WriteContext w, ConversationRecord conversation, MessageContent content)
    {
        if (content.Kind == MessageKinds.Template) return DeliveryStatus.Sending;
        var lastCustomerMessage = await MessageStore.LastCustomerMessageAtAsync(w, conversation.Conversation.Id);
        var window = options.Value.ServiceWindow;
        if (lastCustomerMessage is not { } last || w.NowMs - last >= (long)window.TotalMilliseconds)
            throw new DomainException(WindowClosed,
                $"The customer has not written in the last {window.TotalHours:0.#} hours, so WhatsApp accepts only an approved template: " +
                $"POST /api/v1/conversations/{conversation.Conversation.Id}/whatsapp/template.");
        return DeliveryStatus.Sending;
    }

    public async Task StoredAsync(WriteContext w, MessageResponse message)
    {
        if (message.Status != DeliveryStatus.Sending) return;
        await jobs.EnqueueAsync(w, WhatsAppSendHandler.JobKind, new WhatsAppSendJob(message.Id), new JobEnqueueOptions(MaxAttempts: options.Value.SendMaxAttempts));
    }
}
