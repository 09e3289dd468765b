namespace Switchboard.Server.EventLog;

public static class EventLogExtensions
{
    /// <summary>
    /// The appender, compaction and its options. The publisher the appender hands committed events to is
    /// registered by Realtime (its bus); write hooks are registered by the features that own them.
    /// </summary>
    public static WebApplicationBuilder AddEventLog(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventRetentionOptions>().BindConfiguration("EventRetention")
            .Validate(o => o.IsValid(), "EventRetention options are out of range (see EventRetentionOptions).").ValidateOnStart();
        builder.Services.AddSingleton<EventLogMetrics>();
        builder.Services.AddSingleton<ConfigCache>();
        builder.Services.AddSingleton<EventLogWriter>();
        builder.Services.AddSingleton<EventCompactor>();
        builder.Services.AddHostedService<EventCompactionService>();
        return builder;
    }
}
