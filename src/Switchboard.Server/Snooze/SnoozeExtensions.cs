using Switchboard.Server.Jobs;

namespace Switchboard.Server.Snooze;

public static class SnoozeExtensions
{
    public static WebApplicationBuilder AddSnooze(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SnoozeService>();
        builder.Services.AddJobHandler<SnoozeWakeHandler>();
        return builder;
    }
}
