namespace Switchboard.Server.Realtime;

public static class RealtimeExtensions
{
    public static WebApplicationBuilder AddRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EventBus>();
        builder.Services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<EventBus>());
        return builder;
    }
}
