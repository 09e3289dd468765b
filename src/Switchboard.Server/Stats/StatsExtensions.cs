using Microsoft.Extensions.Options;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;

namespace Switchboard.Server.Stats;

public static class StatsExtensions
{
    public static WebApplicationBuilder AddStats(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StatsOptions>().BindConfiguration("Stats")
            .Validate(o => o.CloseInterval > TimeSpan.Zero && o.CatchUpDays is >= 1 and <= 366 && o.MaxRangeDays is >= 1 and <= 3660,
                "Stats: CloseInterval must be positive, CatchUpDays 1..366, MaxRangeDays 1..3660")
            .ValidateOnStart();
        builder.Services.AddSingleton<StatsService>();
        builder.Services.AddSingleton<IWriteHook, StatsFacts>();
        builder.Services.AddJobHandler<StatsCloseHandler>();
        builder.Services.AddSingleton(sp => new PeriodicJob(StatsCloseHandler.JobKind, StatsCloseHandler.JobKind,
            sp.GetRequiredService<IOptions<StatsOptions>>().Value.CloseInterval));
        return builder;
    }
}
