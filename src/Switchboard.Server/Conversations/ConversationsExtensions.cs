using Switchboard.Server.Messages;

namespace Switchboard.Server.Conversations;

public static class ConversationsExtensions
{
    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConversationService>();
        builder.Services.AddSingleton<MessageService>();
        builder.Services.AddSingleton<ReceiptService>();
        return builder;
    }
}
