using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Observability;

/// <summary>
/// Metrics for operators: the meters each part owns (<c>Switchboard.*</c>) and ASP.NET Core's request durations,
/// exported by OpenTelemetry in Prometheus's text format at <c>/metrics</c>. Without <c>Metrics:Token</c> nothing is
/// exported and the path does not exist: no exporter listens, so the instruments cost next to nothing.
/// JSON logs need no code here: ASP.NET Core's console logger takes <c>Logging:Console:FormatterName=json</c>.
/// </summary>
public static class ObservabilityExtensions
{
    /// <summary>Every meter of the server is named <c>Switchboard.&lt;Part&gt;</c>.</summary>
    const string OwnMeters = "Switchboard.*";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration("Metrics")
            .Validate(o => o.IsValid(), "Metrics:Token must be at least 16 characters (or empty: metrics off).").ValidateOnStart();
        var options = builder.Configuration.GetSection("Metrics").Get<MetricsOptions>() ?? new MetricsOptions();
        if (!options.Enabled) return builder;
        builder.Services.AddOpenTelemetry()
            // service.instance.id is the node: Prometheus shows it on target_info, one series per scraped node.
            .ConfigureResource(resource => resource.AddService("switchboard", serviceInstanceId: NodeName.From(builder.Configuration), autoGenerateServiceInstanceId: false))
            .WithMetrics(metrics => metrics.AddMeter(OwnMeters).AddAspNetCoreInstrumentation().AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled) return app;
        // The token check runs in the scrape's own branch, before the exporter; the app's sign-in schemes play no part.
        app.MapPrometheusScrapingEndpoint(MetricsOptions.Path, meterProvider: null,
            configureBranchedPipeline: branch => branch.Use(ScrapeGuard.Require(options.Token!)), optionsName: null).AllowAnonymous();
        return app;
    }
}
