using Switchboard.Server.Storage;

namespace Switchboard.Server.Jobs;

public static class JobsExtensions
{
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>().BindConfiguration("Jobs")
            .Validate(o => o.Concurrency is >= 1 and <= 64, "Jobs:Concurrency must be 1 to 64")
            .Validate(o => o.Jitter is >= 0 and < 1.0 / 3, "Jobs:Jitter must be at least 0 and below 1/3 so delays keep growing")
            .Validate(o => o.BaseDelay > TimeSpan.Zero && o.MaxDelay >= o.BaseDelay, "Jobs:BaseDelay must be positive and at most Jobs:MaxDelay")
            .Validate(o => o.DefaultMaxAttempts >= 1, "Jobs:DefaultMaxAttempts must be at least 1")
            .Validate(o => o.Lease > o.HandlerTimeout, "Jobs:Lease must be longer than Jobs:HandlerTimeout")
            .ValidateOnStart();
        builder.Services.AddSingleton<JobSignal>();
        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddSingleton<JobStore>();
        builder.Services.AddSingleton<IJobObserver, JobMetrics>();
        builder.Services.AddSingleton<IClusterLock>(sp =>
        {
            var database = sp.GetRequiredService<Database>();
            return database.Provider == DatabaseProvider.Postgres ? new PostgresClusterLock(database) : new LocalClusterLock();
        });
        builder.Services.AddJobHandler<JobCleanupHandler>();
        builder.Services.AddPeriodicJob(new PeriodicJob(JobCleanupHandler.JobKind, JobCleanupHandler.JobKind, TimeSpan.FromHours(1)));
        builder.Services.AddHostedService<JobWorker>();
        builder.Services.AddHostedService<PeriodicScheduler>();
        return builder;
    }

    /// <summary>Registers the handler of one job kind.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services) where THandler : class, IJobHandler =>
        services.AddSingleton<IJobHandler, THandler>();

    public static IServiceCollection AddPeriodicJob(this IServiceCollection services, PeriodicJob job) => services.AddSingleton(job);
}
