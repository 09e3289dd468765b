namespace Switchboard.Server.Demo;

/// <summary>
/// Seeds the demo on start. Registered right after storage, so it runs once the schema is migrated and before
/// Kestrel listens: <c>/healthz</c> answering still means the demo is there.
/// </summary>
sealed class DemoSeedingService(DemoSeeder seeder) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => seeder.SeedIfEmptyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
