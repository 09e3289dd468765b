using Npgsql;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the test command starts (<c>SWITCHBOARD_TEST_POSTGRES</c> holds its connection string).
/// Each test application gets a database of its own, dropped when the application is disposed.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "SWITCHBOARD_TEST_POSTGRES";

    static string AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{Variable} is not set. Run the tests with ./test.sh, which installs and starts a PostgreSQL server for them.");

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "sb_test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
