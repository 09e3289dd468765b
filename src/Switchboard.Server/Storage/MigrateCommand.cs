using System.Globalization;
using System.Text.Json;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Storage;

/// <summary>
/// <c>Switchboard.Server migrate [--to VERSION]</c>: applies the schema migrations (all, or up to VERSION) to the
/// database the other switches name, prints what it applied as JSON and exits without starting the server. A rolling
/// upgrade runs it once with the new build before replacing nodes; nodes also migrate on start, and any number of
/// them starting at once apply each migration exactly once (<see cref="SchemaMigrator"/>).
/// </summary>
public static class MigrateCommand
{
    public static bool IsCommand(string[] args) => args is ["migrate", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        var migrator = services.GetRequiredService<SchemaMigrator>();
        // The host's own switches (--database, --connection-string, --data) may follow: they name the database.
        var rest = args[1..];
        if (rest is [var first, ..] && !first.StartsWith("--", StringComparison.Ordinal)) return CommandLine.Refuse(errors, "usage: migrate [--to VERSION]");
        int? target = null;
        // "--to N" or "--to=N"; anything else starting with --to is a typo that must not migrate all the way.
        var to = Array.FindIndex(rest, a => a.StartsWith("--to", StringComparison.Ordinal));
        if (to >= 0)
        {
            var value = rest[to] == "--to" ? (to + 1 < rest.Length ? rest[to + 1] : "")
                : rest[to].StartsWith("--to=", StringComparison.Ordinal) ? rest[to]["--to=".Length..] : "";
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1 || version > migrator.LatestVersion)
                return CommandLine.Refuse(errors, $"--to must be a migration version from 1 to {migrator.LatestVersion}, the newest this build has.");
            target = version;
        }

        var applied = await migrator.MigrateAsync(CancellationToken.None, target);
        output.WriteLine(JsonSerializer.Serialize(new
        {
            applied,
            version = await migrator.CurrentVersionAsync(CancellationToken.None),
            latest = migrator.LatestVersion,
        }, JsonDefaults.Options));
        return 0;
    }
}
