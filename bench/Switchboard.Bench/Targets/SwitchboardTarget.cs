using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Switchboard.Client.Api;

namespace Switchboard.Bench.Targets;

/// <summary>
/// Switchboard itself: a server process this run starts on a fresh SQLite or PostgreSQL database (its demo workspace,
/// with a known password), or nodes already running elsewhere (<c>--url</c>, with an admin's credentials).
/// Set-up goes through the public API only, so it works the same against any deployment.
/// </summary>
public sealed class SwitchboardTarget(IReadOnlyList<Uri> nodes, ServerProcess? process, string adminEmail, string adminPassword,
    IReadOnlyList<string>? databaseSwitches = null, NodeCluster? cluster = null) : IBenchTarget
{
    const string DemoPassword = "bench-password-1";

    public string Name => "switchboard";
    public IReadOnlyList<Uri> Nodes => nodes;
    public ServerProcess? Process => process;
    /// <summary>The <c>--data</c> / <c>--database</c> switches of a server this run started (null for <c>--url</c>).</summary>
    public IReadOnlyList<string>? DatabaseSwitches => databaseSwitches;
    public TimeSpan? ServerCpu() => process?.CpuTime() + (cluster?.NodesCpuTime() ?? TimeSpan.Zero);

    public static async Task<SwitchboardTarget> StartAsync(BenchPaths paths, BenchOptions options, int? openFiles, string? dataDirectory, CancellationToken cancellationToken)
    {
        if (options.Urls.Count > 0) return new SwitchboardTarget(options.Urls, null, options.AdminEmail, options.AdminPassword ?? throw new ArgumentException("--url needs --admin-password."));
        var port = ServerProcess.FreePort();
        var database = new List<string> { "--data", dataDirectory ?? paths.NewDataDirectory() };
        if (options.Database == "postgres") database.AddRange(["--database", "postgres", "--connection-string", await NewPostgresDatabaseAsync(options, cancellationToken)]);
        List<string> command = ["dotnet", paths.ServerDll, "--urls", $"http://127.0.0.1:{port}", "--demo-password", DemoPassword, .. database];
        // Production settings, minus informational logs on the console (they are not what is measured) and minus the rate
        // limits: the load generator is thousands of visitors behind one address (docs/operations.md § Rate limits).
        var environment = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning", ["RateLimits__Enabled"] = "false" };
        // The content root: where the built dashboard and widget are, as with dotnet run.
        var folder = Path.Combine(paths.Repo, "src/Switchboard.Server");
        var server = await ServerProcess.StartAsync(paths.LogFile("switchboard"), [.. command], environment, port, openFiles, cancellationToken, folder);
        if (options.Nodes == 1) return new SwitchboardTarget([server.BaseAddress], server, "admin@example.com", DemoPassword, database);
        try
        {
            // The first node migrated and seeded the database; the others join it, and the clients go through nginx.
            var cluster = await NodeCluster.StartAsync(paths, server, options.Nodes - 1,
                p => ["dotnet", paths.ServerDll, "--urls", $"http://127.0.0.1:{p}", "--no-demo", .. database], environment, folder, cancellationToken);
            return new SwitchboardTarget([cluster.BaseAddress], server, "admin@example.com", DemoPassword, database, cluster);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates <paramref name="count"/> more workspaces beside the demo one, the way a hosting operator would (the
    /// server's <c>workspace create</c> command on the same database), and returns a target for each one's admin.
    /// </summary>
    public async Task<IReadOnlyList<SwitchboardTarget>> CreateWorkspacesAsync(BenchPaths paths, int count, CancellationToken cancellationToken)
    {
        if (databaseSwitches is null) throw new ArgumentException("--workspaces needs a server this run starts; drop --url.");
        var run = Guid.NewGuid().ToString("N")[..8];
        var created = new SwitchboardTarget[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var email = $"bench-{run}-ws{i}@example.com";
            await ServerProcess.RunToEndAsync(
                ["dotnet", paths.ServerDll, "workspace", "create", "--name", $"Bench workspace {i}", "--admin-email", email, "--admin-password", DemoPassword,
                 .. databaseSwitches, "--Logging:LogLevel:Default=Warning"], ct);
            created[i] = new SwitchboardTarget(nodes, null, email, DemoPassword);
        });
        return created;
    }

    static async Task<string> NewPostgresDatabaseAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var admin = options.PostgresConnectionString ?? throw new ArgumentException("--db postgres needs SWITCHBOARD_BENCH_POSTGRES or --pg (bench/run starts one).");
        var name = "bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 64 }.ConnectionString;
    }

    public async Task<BenchSetup> SetUpAsync(int operators, int visitors, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler();
        var admin = Api(handler, 0);
        await admin.LoginAsync(adminEmail, adminPassword, cancellationToken);
        // The bot would answer every customer message; the bench measures people talking to people.
        (await admin.Http.PatchAsJsonAsync("/api/v1/workspace", new { botEnabled = false }, cancellationToken)).EnsureSuccessStatusCode();
        var inboxToken = await WidgetInboxTokenAsync(admin, cancellationToken);

        var run = Guid.NewGuid().ToString("N")[..8];
        var operatorTokens = new List<string>();
        for (var i = 0; i < Math.Max(1, operators); i++)
        {
            var email = $"bench-{run}-{i}@example.com";
            const string password = "bench-operator-password";
            (await admin.Http.PostAsJsonAsync("/api/v1/members", new { email, name = $"Bench operator {i}", role = "operator", password, capacity = 1000 }, cancellationToken)).EnsureSuccessStatusCode();
            var api = Api(handler, i);
            operatorTokens.Add((await api.LoginAsync(email, password, cancellationToken)).Token);
        }

        var created = new Visitor[visitors];
        await Parallel.ForAsync(0, visitors, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var api = Api(handler, i);
            var session = await api.StartWidgetSessionAsync(inboxToken, $"Bench visitor {i}", null, ct);
            var conversation = await api.StartWidgetConversationAsync(ct);
            created[i] = new Visitor(session.Token, conversation.Conversation.Id);
        });

        var setup = new BenchSetup(operatorTokens, created, 0);
        return setup with { Cursor = await CursorAsync(setup, cancellationToken) };
    }

    public async Task<long> CursorAsync(BenchSetup setup, CancellationToken cancellationToken)
    {
        using var api = new HttpClient { BaseAddress = nodes[0] };
        api.DefaultRequestHeaders.Authorization = new("Bearer", setup.OperatorTokens[0]);
        using var workspace = await api.GetFromJsonAsync<JsonDocument>("/api/v1/workspace", cancellationToken);
        return workspace!.RootElement.GetProperty("cursor").GetInt64();
    }

    SwitchboardApiClient Api(HttpMessageHandler handler, int index) =>
        new(new HttpClient(handler, disposeHandler: false) { BaseAddress = nodes[index % nodes.Count] });

    static async Task<string> WidgetInboxTokenAsync(SwitchboardApiClient admin, CancellationToken cancellationToken)
    {
        using var inboxes = await admin.Http.GetFromJsonAsync<JsonDocument>("/api/v1/inboxes", cancellationToken);
        foreach (var inbox in inboxes!.RootElement.GetProperty("items").EnumerateArray())
            if (inbox.GetProperty("channel").GetString() == "widget") return inbox.GetProperty("publicToken").GetString()!;
        throw new InvalidOperationException("The workspace has no widget inbox.");
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null) await cluster.DisposeAsync();
        if (process is not null) await process.DisposeAsync();
    }
}
