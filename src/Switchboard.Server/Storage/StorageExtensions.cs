namespace Switchboard.Server.Storage;

public static class StorageExtensions
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration("Database")
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "--database postgres needs --connection-string")
            .Validate(o => o.MaxWriteBatch is >= 1 and <= 1000, "Database:MaxWriteBatch must be 1 to 1000")
            .ValidateOnStart();
        builder.Services.AddSingleton<StorageMetrics>();
        builder.Services.AddSingleton<Database>();
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
        return builder;
    }
}
