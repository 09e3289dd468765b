using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Readiness while stopping: from SIGTERM on, <c>/readyz</c> answers 503 so a balancer sends this node nothing new,
/// while its streams are told to reconnect (they resume elsewhere from their cursor) and in-flight requests finish.
/// </summary>
public sealed class DrainingCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("Draining: this node is stopping.")
            : HealthCheckResult.Healthy());
}
