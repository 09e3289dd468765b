using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// A Switchboard host on its own fresh database (a temporary SQLite folder or a new PostgreSQL database),
/// so tests run in parallel without sharing state. The demo is off unless asked for. Pass a
/// <see cref="TestDatabase"/> to start a host on an existing database (a restart); the test then owns it.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    readonly Dictionary<string, string?> settings;
    readonly Action<IServiceCollection>? configureServices;
    readonly bool ownsDatabase;

    TestApp(TestDatabase database, bool ownsDatabase, Dictionary<string, string?> settings, Action<IServiceCollection>? configureServices)
    {
        TestDatabase = database;
        this.ownsDatabase = ownsDatabase;
        this.settings = settings;
        this.configureServices = configureServices;
    }

    public TestDatabase TestDatabase { get; }
    public DatabaseKind Kind => TestDatabase.Kind;
    public string? ConnectionString => TestDatabase.ConnectionString;
    public string? DataDirectory => TestDatabase.DataDirectory;

    /// <param name="bots">Whether customer messages start bot turns. Off by default, so a test of the workflow is not raced by
    /// the bot answering or handing off its conversations; the bot tests turn it on.</param>
    public static async Task<TestApp> StartAsync(DatabaseKind kind, bool demo = false, string? demoPassword = null,
        Action<IServiceCollection>? configureServices = null, Dictionary<string, string?>? extra = null, TestDatabase? database = null, bool bots = false)
    {
        if (database is not null && database.Kind != kind) throw new ArgumentException("The database is of another kind.", nameof(database));
        var settings = new Dictionary<string, string?>(extra ?? []) { ["Demo:Enabled"] = demo ? "true" : "false" };
        settings.TryAdd("Bots:Enabled", bots ? "true" : "false");
        // Every request of the test host comes from one (unknown) address, in bursts no visitor makes: the throttling
        // tests turn the limits on, with the production values unless they say otherwise.
        settings.TryAdd("RateLimits:Enabled", "false");
        // The fakes of the LLM, the external bot, webhook receivers and the Graph API listen on loopback; the outbound
        // guard's tests turn this off.
        settings.TryAdd("Outbound:AllowInternalAddresses", "true");
        if (demoPassword is not null) settings["Demo:Password"] = demoPassword;
        var owned = database is null;
        database ??= await TestDatabase.CreateAsync(kind);
        database.Configure(settings);
        var app = new TestApp(database, owned, settings, configureServices);
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
        if (ownsDatabase) await TestDatabase.DisposeAsync();
    }
}
