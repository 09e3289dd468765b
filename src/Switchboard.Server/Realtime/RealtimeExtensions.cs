using Switchboard.Server.EventLog;
using Switchboard.Server.Realtime.Cluster;

namespace Switchboard.Server.Realtime;

public static class RealtimeExtensions
{
    public static WebApplicationBuilder AddRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RealtimeOptions>().BindConfiguration("Realtime")
            .Validate(o => o.IsValid(), "Realtime options are out of range (see RealtimeOptions).").ValidateOnStart();
        builder.Services.AddSingleton<RealtimeMetrics>();

        // One bus instance behind its three faces: committed events in, signals in, subscriptions out. On PostgreSQL
        // it also tells and hears the other nodes.
        builder.Services.AddSingleton<EventBus>();
        builder.Services.AddClusterBus();
        builder.Services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<IEventBus>());
        builder.Services.AddSingleton<IEphemeralPublisher>(sp => sp.GetRequiredService<IEventBus>());

        builder.Services.AddSingleton<EventReader>();
        builder.Services.AddSingleton<EventPump>();
        builder.Services.AddSingleton<StreamHeartbeat>();
        builder.Services.AddSingleton<ConnectionLimiter>();
        builder.Services.AddSingleton<StreamRunner>();
        builder.Services.AddSingleton<LongPoll>();
        return builder;
    }
}
