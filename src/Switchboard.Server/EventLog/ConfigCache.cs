using System.Collections.Concurrent;

namespace Switchboard.Server.EventLog;

/// <summary>
/// What writes read on every message and almost never change (a workspace's settings, webhook subscriptions, bot
/// configuration), kept in memory on each node so a write does not spend a statement (a round trip on PostgreSQL) on
/// each. An entry is tagged with the workspace's <c>config_version</c> it was read at; a write learns the current
/// version from the statement that takes the workspace's row lock (<see cref="WriteContext.ConfigVersion"/>), so it
/// never uses an entry older than what it may see, on any node, with no notification to wait for. A write that changes
/// configuration calls <see cref="WriteContext.ConfigChangedAsync"/>. Entries also expire after
/// <see cref="Lifetime"/>: the bound for a row edited by hand, which moves no version.
/// </summary>
public sealed class ConfigCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    // Far above any real number of workspaces times parts: only a leak could reach it, and then starting over is cheap.
    const int MaxEntries = 50_000;

    readonly ConcurrentDictionary<Key, Entry> entries = new();

    readonly record struct Key(long WorkspaceId, string Part, long Id);

    sealed record Entry(long Version, long LoadedAtMs, object Value);

    /// <summary>
    /// The value of <paramref name="part"/> (for <paramref name="id"/>, e.g. an inbox) as the write sees it: from memory
    /// when it was read at the write's version, else loaded in the write's transaction and kept for the next writes.
    /// Values are shared between threads and must be immutable.
    /// </summary>
    public async ValueTask<T> GetAsync<T>(WriteContext w, string part, long id, Func<WriteContext, Task<T>> load) where T : class
    {
        var key = new Key(w.WorkspaceId, part, id);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (entries.TryGetValue(key, out var hit) && hit.Version == w.ConfigVersion && now - hit.LoadedAtMs < (long)Lifetime.TotalMilliseconds)
            return (T)hit.Value;
        var value = await load(w);
        if (entries.Count >= MaxEntries) entries.Clear();
        // Writes of one workspace hold its row lock, so no other write can store a newer version for it meanwhile.
        entries[key] = new Entry(w.ConfigVersion, now, value);
        return value;
    }
}
