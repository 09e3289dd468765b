using Microsoft.Data.Sqlite;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Hosting;

/// <summary>
/// <c>Switchboard.Server backup &lt;file&gt; [--data &lt;dir&gt;]</c>: a consistent copy of the SQLite database, taken
/// while the server runs and writes (<c>VACUUM INTO</c> reads one snapshot of the WAL database; a plain file copy of
/// a live database can miss the last committed writes). PostgreSQL is backed up with its own tools (docs/operations.md).
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Runs the command; returns the process exit code (0: written).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await output.WriteLineAsync("usage: Switchboard.Server backup <file> [--data <dir> | --connection-string <cs>]");
            return 2;
        }
        var target = Path.GetFullPath(args[1]);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(CommandLine.Normalize(args[2..]))
            .Build();
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            await output.WriteLineAsync("PostgreSQL: use pg_dump --format=custom (see docs/operations.md); this command copies SQLite.");
            return 2;
        }
        if (File.Exists(target))
        {
            await output.WriteLineAsync($"{target} exists; choose a new file.");
            return 1;
        }
        var source = new SqliteConnectionStringBuilder(options.ResolveConnectionString()) { Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 30 };
        if (!File.Exists(source.DataSource))
        {
            await output.WriteLineAsync($"No database at {source.DataSource}.");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var connection = new SqliteConnection(source.ToString()))
        {
            await connection.OpenAsync(cancellationToken);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO @target";
            vacuum.Parameters.AddWithValue("@target", target);
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }
        await output.WriteLineAsync($"Backed up {source.DataSource} to {target} ({new FileInfo(target).Length} bytes).");
        return 0;
    }
}
