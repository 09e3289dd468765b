namespace Switchboard.Server.Storage;

/// <summary>
/// Migrates the schema before the server accepts requests: hosted services start in registration order and
/// before Kestrel listens, so <c>/healthz</c> answering means the database is ready (and, with the demo's
/// seeding service registered after this one, seeded).
/// </summary>
sealed class DatabaseInitializer(Database database, SchemaMigrator migrator, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        StorageLog.Ready(logger, database.Provider, migrator.LatestVersion);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
