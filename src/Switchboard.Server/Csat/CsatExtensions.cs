using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;

namespace Switchboard.Server.Csat;

public static class CsatExtensions
{
    public static WebApplicationBuilder AddCsat(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CsatOptions>().BindConfiguration("Csat");
        builder.Services.AddSingleton<CsatService>();
        builder.Services.AddSingleton<CsatStatsService>();
        builder.Services.AddSingleton<IWriteHook, CsatHook>();
        builder.Services.AddJobHandler<CsatWhatsAppAskHandler>();
        return builder;
    }
}
