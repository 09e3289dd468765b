using Switchboard.Server.Bots;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;
using Switchboard.Server.Realtime.Cluster;
using Switchboard.Server.Widget.Availability;
using Switchboard.Server.Widget.Cors;
using Switchboard.Server.Widget.Identity;
using Switchboard.Server.Widget.Settings;

namespace Switchboard.Server.Widget;

public static class WidgetExtensions
{
    public static WebApplicationBuilder AddWidget(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WidgetOptions>().BindConfiguration("Widget")
            .Validate(o => o.SettingsCacheLifetime > TimeSpan.Zero && o.PreflightMaxAge >= TimeSpan.Zero, "Widget: lifetimes must be positive.").ValidateOnStart();
        builder.Services.AddSingleton<WidgetService>();
        builder.Services.AddSingleton<WidgetContactService>();
        builder.Services.AddSingleton<WidgetInboxCache>();
        builder.Services.AddSingleton<IClusterCache>(sp => sp.GetRequiredService<WidgetInboxCache>());
        builder.Services.AddSingleton<WidgetSecrets>();
        builder.Services.AddSingleton<IdentityVerifier>();
        builder.Services.AddSingleton<WidgetSettingsService>();
        builder.Services.AddSingleton<WidgetAvailability>();
        builder.Services.AddSingleton<IBotHours>(sp => sp.GetRequiredService<WidgetAvailability>());
        builder.Services.AddSingleton<IWriteHook, ClosedHoursHook>();
        builder.Services.AddJobHandler<ClosedReplyHandler>();
        return builder;
    }

    /// <summary>After authentication (a visitor token names the inbox), before authorization (so its refusals carry CORS headers too).</summary>
    public static WebApplication UseWidgetCors(this WebApplication app)
    {
        app.UseMiddleware<WidgetCorsMiddleware>();
        return app;
    }
}
