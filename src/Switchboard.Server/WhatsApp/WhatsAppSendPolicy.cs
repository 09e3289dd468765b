using Microsoft.Extensions.Options;
using Switchboard.Core;
using Switchboard.Core.Messages;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Messages;
using Switchboard.Server.Storage;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// WhatsApp's rules for team messages: free-form messages only within the customer service window (24 hours after
/// the customer's last message, by the injected clock), templates at any time; either starts as <c>sending</c> until
/// the Cloud API accepts it. Refusing here, at the request, beats a message that fails minutes later.
/// </summary>
public sealed class WhatsAppSendPolicy(IOptions<WhatsAppOptions> options) : IChannelSendPolicy
{
    public const string WindowClosed = "whatsapp_window_closed";

    public string Channel => InboxesApi.WhatsAppChannel;

    public async Task<DeliveryStatus> BeforeSendAsync(WriteContext w, ConversationRecord conversation, MessageContent content)
    {
        if (content.Kind == MessageKinds.Template) return DeliveryStatus.Sending;
        var lastCustomerMessage = await w.QuerySingleOrDefaultAsync<long?>(
            "SELECT MAX(created_at) FROM messages WHERE conversation_id = @Id AND sender_role = @customer",
            new { conversation.Conversation.Id, customer = EnumText.ToText(SenderRole.Customer) });
        var window = options.Value.ServiceWindow;
        if (lastCustomerMessage is not { } last || w.NowMs - last >= (long)window.TotalMilliseconds)
            throw new DomainException(WindowClosed,
                $"The customer has not written in the last {window.TotalHours:0.#} hours, so WhatsApp accepts only an approved template: " +
                $"POST /api/v1/conversations/{conversation.Conversation.Id}/whatsapp/template.");
        return DeliveryStatus.Sending;
    }
}
