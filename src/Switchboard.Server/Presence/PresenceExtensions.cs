using Microsoft.Extensions.Options;
using Switchboard.Server.Jobs;
using Switchboard.Server.Realtime;

namespace Switchboard.Server.Presence;

public static class PresenceExtensions
{
    public static WebApplicationBuilder AddPresence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PresenceOptions>().BindConfiguration("Presence")
            .Validate(o => o.TouchThrottle >= TimeSpan.Zero && o.SweepInterval > TimeSpan.Zero && o.ConnectionHeartbeat > TimeSpan.Zero,
                "Presence intervals must be positive")
            .ValidateOnStart();
        builder.Services.AddSingleton<PresenceService>();
        builder.Services.AddSingleton<PresenceTracker>();
        builder.Services.AddSingleton<IPresenceTracker>(sp => sp.GetRequiredService<PresenceTracker>());
        builder.Services.AddHostedService<PresenceHeartbeat>();
        builder.Services.AddJobHandler<IdleSweepHandler>();
        builder.Services.AddSingleton(sp => new PeriodicJob(IdleSweepHandler.JobKind, IdleSweepHandler.JobKind,
            sp.GetRequiredService<IOptions<PresenceOptions>>().Value.SweepInterval));
        return builder;
    }

    /// <summary>After authentication: a member's requests keep them online.</summary>
    public static WebApplication UsePresence(this WebApplication app)
    {
        app.UseMiddleware<PresenceMiddleware>();
        return app;
    }
}
