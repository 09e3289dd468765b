namespace Switchboard.Server.Jobs;

/// <summary>
/// A named lock held by at most one node of the cluster at a time (PostgreSQL advisory locks; in-process for
/// SQLite, which runs a single node). Used so periodic work is scheduled by one node, not by all.
/// </summary>
public interface IClusterLock
{
    /// <summary>The held lock (dispose to release), or null when another holder has it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken);
}
