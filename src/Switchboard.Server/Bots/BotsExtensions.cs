using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Switchboard.Server.Bots.Config;
using Switchboard.Server.Bots.External;
using Switchboard.Server.Bots.Faq;
using Switchboard.Server.Bots.KnowledgeBase;
using Switchboard.Server.Bots.Llm;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Bots;

public static class BotsExtensions
{
    public static WebApplicationBuilder AddBots(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotsOptions>().BindConfiguration("Bots")
            .Validate(o => o.IsValid(), "Bots options are out of range (see BotsOptions).").ValidateOnStart();

        // Secrets are encrypted with a key ring every node shares: it lives in the database, beside the ciphertexts' rows.
        builder.Services.AddDataProtection().SetApplicationName("Switchboard");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider, TimeProvider>((o, services, clock) =>
            o.XmlRepository = new DatabaseKeyRepository(new Lazy<Database>(services.GetRequiredService<Database>), clock));
        builder.Services.AddHostedService<KeyRingWarmup>();
        builder.Services.AddSingleton<BotSecrets>();
        builder.Services.AddSingleton<BotConfigStore>();
        builder.Services.AddSingleton<BotConfigService>();
        builder.Services.AddSingleton<FaqService>();
        builder.Services.AddSingleton<ITextEmbedder, MiniLmEmbedder>();
        builder.Services.AddSingleton<KnowledgeBaseCache>();

        builder.Services.AddSingleton<IBotEngine, KnowledgeBaseBot>();
        builder.Services.AddSingleton<IBotEngine, LlmBot>();
        builder.Services.AddSingleton<IBotEngine, ExternalBot>();
        builder.Services.AddSingleton<BotTurnLoader>();
        builder.Services.AddSingleton<BotResponder>();
        builder.Services.AddSingleton<IWriteHook, BotTriggerHook>();
        builder.Services.AddJobHandler<BotReplyHandler>();
        builder.Services.AddJobHandler<BotGreetingHandler>();
        builder.Services.AddJobHandler<BotDeadlineHandler>();

        // The reply timeout (a cancellation token per turn) bounds these calls, not the clients' own timeouts.
        builder.Services.AddHttpClient(LlmBot.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddHttpClient(ExternalBot.ClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Switchboard-Bots/1");
            })
            // A bot's redirect could point anywhere; messages go only to the URL the admin configured.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return builder;
    }
}
