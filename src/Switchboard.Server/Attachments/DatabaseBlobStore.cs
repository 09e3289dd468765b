using System.Data;
using Npgsql;
using NpgsqlTypes;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Attachments;

/// <summary>
/// Blobs in PostgreSQL (<c>blobs.data</c>, bytea), the default there: every node of a cluster shares them with the
/// database. Bytes stream in from the upload's file and out to the response through Npgsql, never held whole in
/// memory. The row is the registration <see cref="AttachmentStore.TouchBlobAsync"/> made, so deleting it (the cleanup)
/// deletes the bytes too.
/// </summary>
public sealed class DatabaseBlobStore(Database database) : IBlobStore
{
    public async Task PutAsync(string key, string path, long size, CancellationToken cancellationToken)
    {
        // Its own connection, outside the workspace's write lane: a 25 MB write must not hold up that workspace's messages.
        await using var connection = (NpgsqlConnection)await database.OpenAsync(cancellationToken);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var command = new NpgsqlCommand("UPDATE blobs SET data = @data WHERE sha256 = @key AND data IS NULL", connection);
        command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = key });
        command.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Bytea) { Value = file, Size = checked((int)size) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)await database.OpenAsync(cancellationToken);
        try
        {
            var command = new NpgsqlCommand("SELECT data FROM blobs WHERE sha256 = @key AND data IS NOT NULL", connection);
            command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = key });
            // Sequential access: the column is read from the wire as the response is written, not buffered first.
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await reader.DisposeAsync();
                await command.DisposeAsync();
                await connection.DisposeAsync();
                return null;
            }
            return new OwningStream(reader.GetStream(0), [reader, command, connection]);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // The registration row holds the bytes: forgetting it (AttachmentStore.ForgetBlobAsync) already deleted them.
    public Task DeleteAsync(string key, CancellationToken cancellationToken) => Task.CompletedTask;
}
