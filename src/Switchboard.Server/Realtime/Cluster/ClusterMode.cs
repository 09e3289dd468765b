using Microsoft.Extensions.Options;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Realtime.Cluster;

/// <summary>Whether this node is one of several: on PostgreSQL unless <c>Cluster:Enabled=false</c>; never on SQLite.</summary>
public sealed class ClusterMode(Database database, IOptions<ClusterOptions> options)
{
    public bool IsOn { get; } = database.Provider == DatabaseProvider.Postgres && options.Value.Enabled;
}
