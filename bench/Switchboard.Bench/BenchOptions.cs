using System.Globalization;

namespace Switchboard.Bench;

/// <summary>
/// The command line: <c>&lt;scenario&gt; [--switch value]...</c>. Every switch has a default sized for a real
/// measurement; <c>--smoke</c> shrinks them all to a few seconds (the test command runs that).
/// </summary>
public sealed class BenchOptions
{
    public string Command { get; private set; } = "help";
    public string Database { get; private set; } = "sqlite";
    public string? PostgresConnectionString { get; private set; } = Environment.GetEnvironmentVariable("SWITCHBOARD_BENCH_POSTGRES");
    public IReadOnlyList<string> Transports { get; private set; } = ["websocket", "sse"];
    public IReadOnlyList<string> Targets { get; private set; } = ["switchboard", "baseline", "durable"];
    public IReadOnlyList<Uri> Urls { get; private set; } = [];
    public string AdminEmail { get; private set; } = "admin@example.com";
    public string? AdminPassword { get; private set; }
    public bool Smoke { get; private set; }
    public int Runs { get; private set; } = 3;
    public double Seconds { get; private set; } = 10;
    public IReadOnlyList<double>? Rates { get; private set; }
    public int Pairs { get; private set; } = 10;
    /// <summary>Workspaces writing at once in the throughput scenario (Switchboard only; the baselines have none).</summary>
    public int Workspaces { get; private set; } = 1;
    /// <summary>Switchboard nodes behind nginx on one PostgreSQL database (1: the server alone, no balancer).</summary>
    public int Nodes { get; private set; } = 1;
    /// <summary>What a result's variant says about the deployment: the database, and the node count when more than one.</summary>
    public string Deployment => Nodes > 1 ? $"{Database}, {Nodes} nodes" : Database;
    public int Dashboards { get; private set; } = 1000;
    public int Connections { get; private set; } = 19_000;
    public int Messages { get; private set; } = 1_000_000;
    public double P99LimitMs { get; private set; } = 50;
    public string Output { get; private set; } = Path.Combine("bench", "results", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
    public string[] Rest { get; private set; } = [];

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        if (args.Length == 0) return o;
        o.Command = args[0];
        if (o.Command == "baseline-server") { o.Rest = args[1..]; return o; }
        if (o.Command == "smoke") o.Smoke = true;
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--smoke") { o.Smoke = true; continue; }
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--db": o.Database = OneOf(value, "sqlite", "postgres"); break;
                case "--pg": o.PostgresConnectionString = value; break;
                case "--transport": o.Transports = [.. List(value).Select(t => OneOf(t, "websocket", "sse"))]; break;
                case "--target": o.Targets = [.. List(value).Select(t => OneOf(t, "switchboard", "baseline", "durable"))]; break;
                case "--url": o.Urls = [.. List(value).Select(u => new Uri(u.EndsWith('/') ? u : u + "/"))]; break;
                case "--admin-email": o.AdminEmail = value; break;
                case "--admin-password": o.AdminPassword = value; break;
                case "--runs": o.Runs = Positive(name, value); break;
                case "--seconds": o.Seconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--rates": o.Rates = [.. List(value).Select(r => double.Parse(r, CultureInfo.InvariantCulture))]; break;
                case "--pairs": o.Pairs = Positive(name, value); break;
                case "--workspaces": o.Workspaces = Positive(name, value); break;
                case "--nodes": o.Nodes = Positive(name, value); break;
                case "--dashboards": o.Dashboards = Positive(name, value); break;
                case "--connections": o.Connections = Positive(name, value); break;
                case "--messages": o.Messages = Positive(name, value); break;
                case "--p99-limit-ms": o.P99LimitMs = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--out": o.Output = value; break;
                default: throw new ArgumentException($"Unknown switch {name}.");
            }
        }
        if (o.Nodes > 1 && (o.Database != "postgres" || o.Urls.Count > 0))
            throw new ArgumentException("--nodes needs --db postgres (nodes share one PostgreSQL database) and no --url.");
        if (o.Smoke)
        {
            // Seconds, not minutes: enough traffic to prove no loss, duplication or reordering, no claim about speed.
            o.Runs = 1;
            o.Seconds = Math.Min(o.Seconds, 1.5);
            o.Rates ??= [50];
            o.Pairs = Math.Min(o.Pairs, 3);
            o.Dashboards = Math.Min(o.Dashboards, 20);
            o.Connections = Math.Min(o.Connections, 200);
            o.Messages = Math.Min(o.Messages, 5_000);
        }
        return o;
    }

    static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static string OneOf(string value, params string[] allowed) =>
        allowed.Contains(value) ? value : throw new ArgumentException($"'{value}' is not one of {string.Join(", ", allowed)}.");

    static int Positive(string name, string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive whole number.");
}
