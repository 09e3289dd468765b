using Npgsql;

namespace Switchboard.Cluster.Tests.Infrastructure;

/// <summary>
/// A fresh database on the PostgreSQL server the test command starts (<c>SWITCHBOARD_TEST_POSTGRES</c>), shared by
/// every node of the cluster and dropped at the end.
/// </summary>
sealed class ClusterDatabase : IAsyncDisposable
{
    const string Variable = "SWITCHBOARD_TEST_POSTGRES";

    readonly string admin;

    ClusterDatabase(string admin, string connectionString)
    {
        this.admin = admin;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ClusterDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"{Variable} is not set. Run the tests with ./test.sh, which starts PostgreSQL for them.");
        var name = "sb_cluster_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new ClusterDatabase(admin, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString());
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
