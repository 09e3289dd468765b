using System.Globalization;

namespace Switchboard.Server.Hosting;

/// <summary>
/// The process's soft open-files limit (<c>ulimit -n</c>), read from /proc on Linux; null elsewhere. Every socket
/// is a descriptor, and a process that runs out of them cannot open its database or even map code, so the
/// connection caps are derived from this.
/// </summary>
public static class OpenFilesLimit
{
    /// <summary>Descriptors kept out of every connection budget: database files and pool, listeners, logs, the runtime.</summary>
    public const int Reserve = 256;

    public static int? Read()
    {
        const string file = "/proc/self/limits";
        if (!File.Exists(file)) return null;
        foreach (var line in File.ReadLines(file))
        {
            if (!line.StartsWith("Max open files", StringComparison.Ordinal)) continue;
            var soft = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            return int.TryParse(soft, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null; // "unlimited"
        }
        return null;
    }

    // Read once: the Kestrel budget and the stream cap both derive from it at start-up.
    static readonly Lazy<int?> Budget = new(() => Read() is { } limit ? Math.Max(16, limit - Reserve) : null);

    /// <summary>How many TCP connections the process may hold at once (null: no known limit).</summary>
    public static int? ConnectionBudget() => Budget.Value;
}
