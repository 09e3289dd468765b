using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Dapper;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Realtime.Cluster;

/// <summary>
/// Sends this node's news to the others with PostgreSQL NOTIFY, off the write path: a commit only records its
/// workspace's new head here, and a background loop sends the highest head per workspace, so a commit batch (and
/// whatever committed while the last NOTIFY was on its way) costs one notification per workspace. A head notification
/// lost here (the node dies right after a commit, the database blips) only delays the others until their head check.
/// Stale cache keys have no such check: a failed send keeps them and retries after <see cref="RetryDelay"/>; only
/// those of a node that dies before sending wait for the caches' own expiry on the other nodes.
/// </summary>
public sealed class ClusterNotifier(ClusterMode mode, Database database, ClusterNode node, ILogger<ClusterNotifier> logger) : BackgroundService, IClusterNotifier
{
    const int SignalQueueCapacity = 1024;
    static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    readonly ConcurrentDictionary<long, long> heads = new();
    readonly ConcurrentDictionary<string, byte> staleCacheKeys = new(StringComparer.Ordinal);
    readonly Channel<string> signals = Channel.CreateBounded<string>(
        new BoundedChannelOptions(SignalQueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite });
    // One pending wake-up is enough: the loop takes everything recorded by the time it runs.
    readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void HeadMoved(long workspaceId, long seq)
    {
        heads.AddOrUpdate(workspaceId, seq, (_, known) => Math.Max(known, seq));
        wake.Writer.TryWrite(true);
    }

    public void Signal(EphemeralSignal signal)
    {
        var payload = ClusterSignal.Serialize(node.Id, signal);
        // Ephemeral by definition: one that does not fit a notification, or finds the queue full, is simply not sent.
        if (Encoding.UTF8.GetByteCount(payload) > ClusterChannels.MaxPayloadBytes) ClusterLog.SignalDropped(logger, signal.Type, "too_large");
        else if (!signals.Writer.TryWrite(payload)) ClusterLog.SignalDropped(logger, signal.Type, "queue_full");
        else wake.Writer.TryWrite(true);
    }

    public void CacheChanged(string cache, long key)
    {
        if (!mode.IsOn) return;
        // Unlike a signal, kept until sent: a change announced twice costs a read, one not announced a stale answer.
        staleCacheKeys.TryAdd(ClusterChannels.FormatCacheKey(cache, key), 0);
        wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mode.IsOn) return;
        try
        {
            while (await wake.Reader.WaitToReadAsync(stoppingToken))
            {
                wake.Reader.TryRead(out _);
                var (channels, payloads) = TakePending();
                if (payloads.Count == 0) continue;
                try
                {
                    await using var connection = await database.OpenAsync(stoppingToken);
                    // One round trip for everything pending; PostgreSQL delivers each to every listening session.
                    await connection.ExecuteAsync(new CommandDefinition(
                        "SELECT pg_notify(c, p) FROM unnest(@channels::text[], @payloads::text[]) AS n(c, p)",
                        new { channels = channels.ToArray(), payloads = payloads.ToArray() }, cancellationToken: stoppingToken));
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    ClusterLog.NotifyFailed(logger, ex.GetType().Name);
                    var unsent = payloads.Where((_, i) => channels[i] == ClusterChannels.Caches).ToList();
                    if (unsent.Count == 0) continue;
                    foreach (var key in unsent) staleCacheKeys.TryAdd(key, 0);
                    await Task.Delay(RetryDelay, stoppingToken);
                    wake.Writer.TryWrite(true);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the other nodes' head checks read whatever this node committed last.
        }
    }

    (List<string> Channels, List<string> Payloads) TakePending()
    {
        var channels = new List<string>();
        var payloads = new List<string>();
        foreach (var workspaceId in heads.Keys)
        {
            if (!heads.TryRemove(workspaceId, out var seq)) continue;
            channels.Add(ClusterChannels.Events);
            payloads.Add(ClusterChannels.FormatHead(workspaceId, seq));
        }
        foreach (var stale in staleCacheKeys.Keys)
        {
            if (!staleCacheKeys.TryRemove(stale, out _)) continue;
            channels.Add(ClusterChannels.Caches);
            payloads.Add(stale);
        }
        while (signals.Reader.TryRead(out var signal))
        {
            channels.Add(ClusterChannels.Signals);
            payloads.Add(signal);
        }
        return (channels, payloads);
    }
}
