using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// A Switchboard host on its own fresh database (a temporary SQLite folder or a new PostgreSQL database),
/// so tests run in parallel without sharing state. The demo is off unless asked for.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    readonly Dictionary<string, string?> settings;
    readonly Action<IServiceCollection>? configureServices;

    TestApp(DatabaseKind kind, string? connectionString, string? dataDirectory, Dictionary<string, string?> settings, Action<IServiceCollection>? configureServices)
    {
        Kind = kind;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        this.settings = settings;
        this.configureServices = configureServices;
    }

    public DatabaseKind Kind { get; }
    public string? ConnectionString { get; }
    public string? DataDirectory { get; }

    public static async Task<TestApp> StartAsync(DatabaseKind kind, bool demo = false, string? demoPassword = null,
        Action<IServiceCollection>? configureServices = null, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(extra ?? []) { ["Demo:Enabled"] = demo ? "true" : "false" };
        if (demoPassword is not null) settings["Demo:Password"] = demoPassword;
        TestApp app;
        if (kind == DatabaseKind.Postgres)
        {
            var cs = await PostgresServer.CreateDatabaseAsync();
            settings["Database:Provider"] = "Postgres";
            settings["Database:ConnectionString"] = cs;
            app = new TestApp(kind, cs, null, settings, configureServices);
        }
        else
        {
            var dir = Path.Combine(Path.GetTempPath(), "sb-test-" + Guid.NewGuid().ToString("N"));
            settings["Database:Provider"] = "Sqlite";
            settings["Database:DataDirectory"] = dir;
            app = new TestApp(kind, null, dir, settings, configureServices);
        }
        _ = app.Server; // start the host now: migrations and demo run before the first request
        return app;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public Database Database => Service<Database>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        if (configureServices is not null) builder.ConfigureServices(configureServices);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ConnectionString is not null) await PostgresServer.DropDatabaseAsync(ConnectionString);
        if (DataDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
