using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Switchboard.Server.Hosting;

/// <summary>
/// <c>/healthz</c> is liveness (the process serves requests: restart it only when this fails); <c>/readyz</c> is
/// readiness (the database answers too, and the node is not stopping: a balancer sends traffic only while this is 200,
/// and stops during an outage or once the node drains).
/// </summary>
public static class HealthExtensions
{
    const string Ready = "ready";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DrainOptions>().BindConfiguration("Drain")
            .Validate(o => o.Delay >= TimeSpan.Zero, "Drain:Delay must not be negative.")
            // The delay is spent inside the shutdown timeout: at or past it, in-flight requests would get no time at all.
            .Validate<IOptions<HostOptions>>((o, host) => o.Delay < host.Value.ShutdownTimeout,
                "Drain:Delay must be shorter than the host's shutdownTimeoutSeconds, which must leave time for in-flight requests after it.")
            .ValidateOnStart();
        builder.Services.AddHostedService<DrainDelay>();
        builder.Services.AddHealthChecks()
            .AddCheck<DrainingCheck>("draining", tags: [Ready])
            .AddCheck<DatabaseReadyCheck>("database", tags: [Ready]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => !check.Tags.Contains(Ready) }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
        return app;
    }
}
