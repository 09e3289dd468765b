using System.Globalization;

namespace Switchboard.Server.Realtime.Cluster;

/// <summary>
/// The PostgreSQL NOTIFY channels the nodes share, and their payloads. A head notification says which workspace
/// reached which seq, never the events: each node reads what it lacks from the log. A cache notification names a stale
/// entry, never its new value: each node reads it again when it next needs it.
/// </summary>
static class ClusterChannels
{
    public const string Events = "switchboard_events";
    public const string Signals = "switchboard_signals";
    public const string Caches = "switchboard_caches";

    /// <summary>PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.</summary>
    public const int MaxPayloadBytes = 7999;

    public static string FormatHead(long workspaceId, long seq) =>
        workspaceId.ToString(CultureInfo.InvariantCulture) + ":" + seq.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseHead(string payload, out long workspaceId, out long seq)
    {
        seq = 0;
        var colon = payload.IndexOf(':');
        workspaceId = 0;
        return colon > 0
            && long.TryParse(payload.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out workspaceId)
            && long.TryParse(payload.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out seq);
    }

    /// <summary>A stale cache entry: the cache's name and the entry's key.</summary>
    public static string FormatCacheKey(string cache, long key) => cache + ":" + key.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseCacheKey(string payload, out string cache, out long key)
    {
        key = 0;
        var colon = payload.LastIndexOf(':');
        cache = colon > 0 ? payload[..colon] : "";
        return colon > 0 && long.TryParse(payload.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out key);
    }
}
