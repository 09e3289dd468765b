namespace Switchboard.Server.Messages;

public static class MessagesExtensions
{
    public static WebApplicationBuilder AddMessages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MessageService>();
        builder.Services.AddSingleton<ReceiptService>();
        return builder;
    }
}
