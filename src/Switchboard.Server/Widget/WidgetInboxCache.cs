using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Switchboard.Server.Hosting;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Storage;
using Switchboard.Server.Widget.Settings;

namespace Switchboard.Server.Widget;

/// <summary>
/// Widget inboxes by public token and by id, kept in memory: every cross-origin visitor request is checked against
/// its inbox's allowed origins, which must not cost a database read each time. A settings change drops the entry
/// (<see cref="Invalidate"/>, after its commit); entries also expire after <see cref="WidgetOptions.SettingsCacheLifetime"/>
/// so the other nodes of a cluster catch up.
/// </summary>
public sealed class WidgetInboxCache(Database database, IOptions<WidgetOptions> options, TimeProvider clock)
{
    readonly ConcurrentDictionary<string, Entry> byToken = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<long, Entry> byId = new();

    sealed record Entry(WidgetInbox Inbox, long LoadedAtMs);

    public async ValueTask<WidgetInbox?> ByTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (byToken.TryGetValue(token, out var hit) && Fresh(hit)) return hit.Inbox;
        var row = await database.ReadAsync((c, tx) => InboxStore.FindWidgetByTokenAsync(c, tx, token, cancellationToken), cancellationToken);
        return row is null ? null : Remember(row);
    }

    public async ValueTask<WidgetInbox?> ByIdAsync(long inboxId, CancellationToken cancellationToken)
    {
        if (byId.TryGetValue(inboxId, out var hit) && Fresh(hit)) return hit.Inbox;
        var row = await database.ReadAsync((c, tx) => InboxStore.FindWidgetAsync(c, tx, null, inboxId, cancellationToken), cancellationToken);
        return row is null ? null : Remember(row);
    }

    public void Invalidate(long inboxId)
    {
        if (byId.TryRemove(inboxId, out var gone)) byToken.TryRemove(gone.Inbox.PublicToken, out _);
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

    WidgetInbox Remember(InboxWidgetRow row)
    {
        var entry = new Entry(ToInbox(row), clock.GetUtcNow().ToUnixTimeMilliseconds());
        byId[row.Id] = entry;
        byToken[row.PublicToken] = entry;
        return entry.Inbox;
    }

    bool Fresh(Entry entry) =>
        clock.GetUtcNow().ToUnixTimeMilliseconds() - entry.LoadedAtMs < (long)options.Value.SettingsCacheLifetime.TotalMilliseconds;
}
