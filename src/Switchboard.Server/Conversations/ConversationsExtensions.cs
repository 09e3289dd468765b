namespace Switchboard.Server.Conversations;

public static class ConversationsExtensions
{
    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConversationService>();
        return builder;
    }
}
