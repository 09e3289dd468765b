namespace Switchboard.Server.Realtime.Cluster;

public static class ClusterExtensions
{
    /// <summary>
    /// The bus behind <see cref="IEventBus"/>: this node's own on SQLite (one node by definition) or with
    /// <c>Cluster:Enabled=false</c>; on PostgreSQL, the same wrapped to tell and hear the other nodes.
    /// </summary>
    public static IServiceCollection AddClusterBus(this IServiceCollection services)
    {
        services.AddOptions<ClusterOptions>().BindConfiguration("Cluster")
            .Validate(o => o.IsValid(), "Cluster options are out of range (see ClusterOptions).").ValidateOnStart();
        services.AddSingleton<ClusterMode>();
        services.AddSingleton<ClusterNode>();
        services.AddSingleton<ClusterNotifier>();
        services.AddSingleton<IClusterNotifier>(sp => sp.GetRequiredService<ClusterNotifier>());
        services.AddSingleton<FeedCatchUp>();
        services.AddSingleton<ClusterListener>();
        services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<ClusterMode>().IsOn
            ? new ClusterEventBus(sp.GetRequiredService<EventBus>(), sp.GetRequiredService<IClusterNotifier>())
            : sp.GetRequiredService<EventBus>());
        // Each returns at once where the cluster mode is off.
        services.AddHostedService(sp => sp.GetRequiredService<ClusterNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<ClusterListener>());
        services.AddHostedService<ClusterHeadCheck>();
        return services;
    }
}
