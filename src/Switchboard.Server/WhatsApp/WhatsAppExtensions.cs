using Microsoft.Extensions.Options;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;

namespace Switchboard.Server.WhatsApp;

public static class WhatsAppExtensions
{
    public static WebApplicationBuilder AddWhatsApp(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WhatsAppOptions>().BindConfiguration("WhatsApp")
            .Validate(o => Uri.TryCreate(o.DefaultGraphBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http",
                "WhatsApp:DefaultGraphBaseUrl must be an absolute http(s) URL")
            .Validate(o => o.SendTimeout > TimeSpan.Zero && o.ServiceWindow > TimeSpan.Zero && o.PayloadRetention > TimeSpan.Zero,
                "WhatsApp:SendTimeout, ServiceWindow and PayloadRetention must be positive")
            .Validate(o => o.SendMaxAttempts >= 1 && o.MaxWebhookBytes >= 1024, "WhatsApp:SendMaxAttempts must be at least 1 and MaxWebhookBytes at least 1024")
            .Validate(o => o.MediaTimeout > TimeSpan.Zero && o.MediaMaxBytes >= 1024 && o.MediaMaxAttempts >= 1,
                "WhatsApp:MediaTimeout must be positive, MediaMaxBytes at least 1024 and MediaMaxAttempts at least 1")
            .ValidateOnStart();
        // The provider only; where its keys live is the host's configuration, not this feature's.
        builder.Services.AddDataProtection();
        builder.Services.AddSingleton<WhatsAppSecrets>();
        builder.Services.AddSingleton<WhatsAppInboxService>();
        builder.Services.AddSingleton<WhatsAppWebhookReceiver>();
        builder.Services.AddSingleton<WhatsAppInboundService>();
        builder.Services.AddSingleton<WhatsAppStatusService>();
        builder.Services.AddSingleton<WhatsAppTemplateService>();
        builder.Services.AddSingleton<GraphApiClient>();
        builder.Services.AddSingleton<GraphMediaClient>();
        builder.Services.AddSingleton<WhatsAppMediaSender>();
        builder.Services.AddSingleton<IChannelSendPolicy, WhatsAppSendPolicy>();
        builder.Services.AddJobHandler<WhatsAppWebhookHandler>();
        builder.Services.AddJobHandler<WhatsAppSendHandler>();
        builder.Services.AddJobHandler<WhatsAppDownloadHandler>();
        builder.Services.AddJobHandler<WhatsAppCleanupHandler>();
        builder.Services.AddPeriodicJob(new PeriodicJob(WhatsAppCleanupHandler.JobKind, WhatsAppCleanupHandler.JobKind, TimeSpan.FromHours(1)));
        builder.Services.AddHttpClient(GraphApiClient.ClientName, (sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value.SendTimeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Switchboard-WhatsApp/1");
            })
            // The bearer token must go to the configured Graph API only, never to wherever a redirect points.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        // Media: each transfer is bounded by WhatsApp:MediaTimeout instead (a large file outlasts a send's time-out).
        builder.Services.AddHttpClient(GraphMediaClient.ClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Switchboard-WhatsApp/1");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return builder;
    }
}
