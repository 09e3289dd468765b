using System.Buffers;
using System.Security.Cryptography;

namespace Switchboard.Server.Attachments;

/// <summary>
/// An upload received into a temp file, its SHA-256 and length computed on the way, never held whole in memory. Over
/// the limit, cut off, cancelled or failed, the file is deleted before the exception leaves; disposing deletes it too
/// (unless a blob store moved it away), so a refused or broken upload leaves nothing behind.
/// </summary>
public sealed class SpooledUpload : IAsyncDisposable
{
    const int BufferSize = 81920;

    SpooledUpload(string path, long length, string sha256) => (Path, Length, Sha256) = (path, length, sha256);

    public string Path { get; }
    public long Length { get; }
    /// <summary>Lower-case hex.</summary>
    public string Sha256 { get; }

    public static async Task<SpooledUpload> ReceiveAsync(Stream content, string path, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            long length = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    length += read;
                    // Checked while streaming too: a chunked body (or a lying Content-Length) is stopped at the limit.
                    if (length > maxBytes) throw AttachmentRejectedException.TooLarge(maxBytes);
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            return new SpooledUpload(path, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            // Whatever stopped it (the limit, a client that went away, a full disk), nothing of it is kept.
            TryDelete(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The first bytes, for sniffing.</summary>
    public async Task<byte[]> HeadAsync(int count, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        var head = new byte[(int)Math.Min(count, Length)];
        await file.ReadExactlyAsync(head, cancellationToken);
        return head;
    }

    public ValueTask DisposeAsync()
    {
        TryDelete(Path);
        return ValueTask.CompletedTask;
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the cleanup job, which empties the temp folder of old files.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
