using Switchboard.Server.EventLog;

namespace Switchboard.Server.Realtime;

public static class RealtimeExtensions
{
    public static WebApplicationBuilder AddRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RealtimeOptions>().BindConfiguration("Realtime")
            .Validate(o => o.IsValid(), "Realtime options are out of range (see RealtimeOptions).").ValidateOnStart();
        builder.Services.AddSingleton<RealtimeMetrics>();

        // One bus instance behind its three faces: committed events in, signals in, subscriptions out.
        builder.Services.AddSingleton<EventBus>();
        builder.Services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<EventBus>());
        builder.Services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<IEventBus>());
        builder.Services.AddSingleton<IEphemeralPublisher>(sp => sp.GetRequiredService<IEventBus>());

        builder.Services.AddSingleton<EventReader>();
        builder.Services.AddSingleton<EventPump>();
        builder.Services.AddSingleton<ConnectionLimiter>();
        builder.Services.AddSingleton<StreamRunner>();
        builder.Services.AddSingleton<LongPoll>();
        return builder;
    }
}
