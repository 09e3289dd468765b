using System.Globalization;

namespace Switchboard.Server.Realtime.Cluster;

/// <summary>
/// The PostgreSQL NOTIFY channels the nodes share, and the head notification's payload. A notification says which
/// workspace reached which seq, never the events: each node reads what it lacks from the log.
/// </summary>
static class ClusterChannels
{
    public const string Events = "switchboard_events";
    public const string Signals = "switchboard_signals";

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
}
