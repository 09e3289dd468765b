using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Realtime.Cluster;

/// <summary>
/// Listens to the other nodes on a PostgreSQL connection of its own, for the life of the process: a workspace head
/// that moved starts a catch-up from the log, a signal goes to this node's connections, a stale cache entry is dropped.
/// A dropped connection is reopened after <see cref="ClusterOptions.ReconnectDelaysMs"/>; whatever was committed
/// meanwhile is read at once, and every cache is emptied (its changes may have gone unannounced here).
/// </summary>
public sealed class ClusterListener(
    ClusterMode mode, IOptions<DatabaseOptions> database, IOptions<ClusterOptions> options, FeedCatchUp catchUp, EventBus local, ClusterNode node,
    IEnumerable<IClusterCache> caches, TimeProvider clock, ILogger<ClusterListener> logger) : BackgroundService
{
    readonly Dictionary<string, IClusterCache> cachesByName = caches.ToDictionary(c => c.Name, StringComparer.Ordinal);

    readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node first listens: notifications sent from then on reach it.</summary>
    public Task Listening => listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mode.IsOn) return;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ListenConnectionString());
                await connection.OpenAsync(stoppingToken);
                connection.Notification += OnNotification;
                await connection.ExecuteAsync(new CommandDefinition(
                    $"LISTEN {ClusterChannels.Events}; LISTEN {ClusterChannels.Signals}; LISTEN {ClusterChannels.Caches}",
                    cancellationToken: stoppingToken));
                failures = 0;
                // Listening from here on: a change committed from now is announced; one committed before may not have been.
                foreach (var cache in cachesByName.Values) cache.ForgetAll();
                ClusterLog.Listening(logger, node.Id);
                listening.TrySetResult();
                // Commits made while this node was not listening notified nobody here: read the heads now.
                await catchUp.CheckHeadsAsync(stoppingToken);
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delays = options.Value.ReconnectDelaysMs;
                var delay = delays[Math.Min(failures++, delays.Length - 1)];
                ClusterLog.ListenFailed(logger, ex.GetType().Name, delay);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(delay + Random.Shared.Next(0, 1 + delay / 5)), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Unpooled (a LISTEN belongs to its session, which must not be handed to anyone else), with keepalives so a
    /// connection that died silently is noticed and reopened.
    /// </summary>
    string ListenConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder(database.Value.ResolveConnectionString()) { Pooling = false };
        if (builder.KeepAlive == 0) builder.KeepAlive = 15;
        return builder.ConnectionString;
    }

    // Runs on the listening loop: hands work off and returns at once.
    void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel == ClusterChannels.Events)
        {
            if (ClusterChannels.TryParseHead(e.Payload, out var workspaceId, out var seq)) catchUp.Request(workspaceId, seq);
            else ClusterLog.BadNotification(logger, e.Channel);
        }
        else if (e.Channel == ClusterChannels.Caches)
        {
            if (ClusterChannels.TryParseCacheKey(e.Payload, out var name, out var key) && cachesByName.TryGetValue(name, out var cache)) cache.Forget(key);
            else ClusterLog.BadNotification(logger, e.Channel);
        }
        else if (e.Channel == ClusterChannels.Signals)
        {
            ClusterSignal? signal = null;
            try
            {
                signal = ClusterSignal.Parse(e.Payload);
            }
            catch (System.Text.Json.JsonException)
            {
                ClusterLog.BadNotification(logger, e.Channel);
            }
            // This node's own signals went to its connections when they were published.
            if (signal is not null && signal.Node != node.Id) local.PublishEphemeral(signal.ToSignal());
        }
    }
}
