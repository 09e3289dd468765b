using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Switchboard.Server.Hosting;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Realtime.Cluster;
using Switchboard.Server.Storage;
using Switchboard.Server.Widget.Settings;

namespace Switchboard.Server.Widget;

/// <summary>
/// Widget inboxes by public token and by id, kept in memory: every cross-origin visitor request is checked against
/// its inbox's allowed origins, which must not cost a database read each time. A settings change drops the entry on
/// every node once committed (<see cref="Invalidate"/>, announced through <see cref="IClusterNotifier"/>); entries also
/// expire after <see cref="WidgetOptions.SettingsCacheLifetime"/>, a bound for what no announcement can cover (a row
/// changed by hand in the database).
/// </summary>
public sealed class WidgetInboxCache(Database database, IClusterNotifier cluster, IOptions<WidgetOptions> options, TimeProvider clock) : IClusterCache
{
    readonly ConcurrentDictionary<string, Entry> byToken = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<long, Entry> byId = new();
    // Moves on every forget: a read that began before it may hold the old settings and must not be remembered.
    long generation;

    public string Name => "widget-inbox";

    sealed record Entry(WidgetInbox Inbox, long LoadedAtMs);

    public ValueTask<WidgetInbox?> ByTokenAsync(string token, CancellationToken cancellationToken) =>
        LookUpAsync(byToken, token, (c, tx) => InboxStore.FindWidgetByTokenAsync(c, tx, token, cancellationToken), cancellationToken);

    public ValueTask<WidgetInbox?> ByIdAsync(long inboxId, CancellationToken cancellationToken) =>
        LookUpAsync(byId, inboxId, (c, tx) => InboxStore.FindWidgetAsync(c, tx, null, inboxId, cancellationToken), cancellationToken);

    async ValueTask<WidgetInbox?> LookUpAsync<TKey>(ConcurrentDictionary<TKey, Entry> index, TKey key,
        Func<DbConnection, DbTransaction, Task<InboxWidgetRow?>> read, CancellationToken cancellationToken) where TKey : notnull
    {
        if (index.TryGetValue(key, out var hit) && Fresh(hit)) return hit.Inbox;
        var before = Volatile.Read(ref generation);
        var row = await database.ReadAsync(read, cancellationToken);
        return row is null ? null : Remember(row, before);
    }

    /// <summary>The inbox's settings changed (call after the commit): drops it here and on every other node.</summary>
    public void Invalidate(long inboxId)
    {
        Forget(inboxId);
        cluster.CacheChanged(Name, inboxId);
    }

    public void Forget(long inboxId)
    {
        Interlocked.Increment(ref generation);
        if (byId.TryRemove(inboxId, out var gone)) byToken.TryRemove(gone.Inbox.PublicToken, out _);
    }

    public void ForgetAll()
    {
        Interlocked.Increment(ref generation);
        byId.Clear();
        byToken.Clear();
    }

    /// <summary>Parses stored settings JSON; null (never saved) is the defaults.</summary>
    public static WidgetSettings Parse(string? json) =>
        json is null ? WidgetSettings.Defaults : JsonSerializer.Deserialize<WidgetSettings>(json, JsonDefaults.Options) ?? WidgetSettings.Defaults;

    public static WidgetInbox ToInbox(InboxWidgetRow row)
    {
        var settings = Parse(row.WidgetSettings);
        // Stored origins were validated on save; one that no longer parses is skipped rather than failing every request.
        var origins = (settings.AllowedOrigins ?? []).Select(OriginPattern.Parse).OfType<OriginPattern>().ToList();
        return new WidgetInbox(row.Id, row.WorkspaceId, row.Name, row.PublicToken, settings, origins);
    }

    WidgetInbox Remember(InboxWidgetRow row, long readAtGeneration)
    {
        var entry = new Entry(ToInbox(row), clock.GetUtcNow().ToUnixTimeMilliseconds());
        byId[row.Id] = entry;
        byToken[row.PublicToken] = entry;
        // A forget ran while this was read: the row may predate the change it announced. Answer with it (it was
        // current when read) but do not keep it; the next request reads again. Stored first and checked after, so a
        // forget cannot slip between the check and the store.
        if (Volatile.Read(ref generation) != readAtGeneration)
        {
            byId.TryRemove(KeyValuePair.Create(row.Id, entry));
            byToken.TryRemove(KeyValuePair.Create(row.PublicToken, entry));
        }
        return entry.Inbox;
    }

    bool Fresh(Entry entry) =>
        clock.GetUtcNow().ToUnixTimeMilliseconds() - entry.LoadedAtMs < (long)options.Value.SettingsCacheLifetime.TotalMilliseconds;
}
