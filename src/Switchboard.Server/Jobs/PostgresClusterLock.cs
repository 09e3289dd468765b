using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Jobs;

/// <summary>
/// A PostgreSQL session-level advisory lock, held on a connection of its own for as long as the holder needs it.
/// If the node dies, the connection drops and PostgreSQL releases the lock: no lease to expire.
/// </summary>
public sealed class PostgresClusterLock(Database database) : IClusterLock
{
    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        var key = KeyOf(name);
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var acquired = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT pg_try_advisory_lock(@key)", new { key }, cancellationToken: cancellationToken));
            if (acquired) return new Held(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A stable 64-bit key per name (advisory locks are numbered, not named).</summary>
    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("switchboard:" + name)), 0);

    sealed class Held(DbConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key });
            }
            finally
            {
                // Closing returns the connection to the pool; the unlock above matters because pooled sessions live on.
                await connection.DisposeAsync();
            }
        }
    }
}
