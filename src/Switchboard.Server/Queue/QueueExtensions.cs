using Switchboard.Server.EventLog;


namespace Switchboard.Server.Queue;

public static class QueueExtensions
{
    public static WebApplicationBuilder AddQueue(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<QueueService>();
        builder.Services.AddSingleton<IWriteHook, AutoAssignHook>();
        return builder;
    }
}
