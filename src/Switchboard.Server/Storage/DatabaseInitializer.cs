using Switchboard.Server.Demo;

namespace Switchboard.Server.Storage;

/// <summary>
/// Migrates the schema and seeds the demo before the server accepts requests: hosted services start
/// before Kestrel listens, so <c>/healthz</c> answering means the database is ready.
/// </summary>
sealed class DatabaseInitializer(Database database, SchemaMigrator migrator, DemoSeeder demo, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        StorageLog.Ready(logger, database.Provider, migrator.LatestVersion);
        await demo.SeedIfEmptyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
