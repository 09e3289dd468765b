namespace Switchboard.Server.Realtime.Cluster;

/// <summary>
/// A node's in-memory copy of configuration that every node of a cluster must drop when it changes. The node that
/// commits a change calls <see cref="IClusterNotifier.CacheChanged"/> after the commit; every node (itself included)
/// then <see cref="Forget"/>s the key. A node that was not listening for a while may have missed changes, so it
/// <see cref="ForgetAll"/>s when it starts listening again. A failed send is retried; what a node that dies right after
/// a commit never sent is bounded by the cache's own expiry, so every cache must still expire its entries.
/// </summary>
public interface IClusterCache
{
    /// <summary>The name in notifications: lower-case letters and dashes, unique among the caches.</summary>
    string Name { get; }

    void Forget(long key);

    void ForgetAll();
}
