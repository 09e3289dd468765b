using Microsoft.Extensions.Options;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;

namespace Switchboard.Server.Webhooks;

public static class WebhooksExtensions
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhooksOptions>().BindConfiguration("Webhooks")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.MaxAttempts >= 1 && o.MaxSubscriptionsPerWorkspace >= 1, "Webhooks options must be positive")
            .ValidateOnStart();
        builder.Services.AddSingleton<WebhookService>();
        builder.Services.AddSingleton<IWriteHook, WebhookEnqueueHook>();
        builder.Services.AddJobHandler<WebhookDeliveryHandler>();
        builder.Services.AddHttpClient(WebhookDeliveryHandler.ClientName, (sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<WebhooksOptions>>().Value.Timeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Switchboard-Webhooks/1");
            })
            // A receiver's redirect could point anywhere; deliveries go only to the URL the admin subscribed.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return builder;
    }
}
