namespace Switchboard.Server.Attachments;

/// <summary>
/// Blobs as files under the data folder (<c>blobs/ab/abcdef…</c>), the default with SQLite. A finished upload is
/// renamed into place, which is atomic: a reader never sees half a blob.
/// </summary>
public sealed class FileBlobStore(AttachmentPaths paths) : IBlobStore
{
    public Task PutAsync(string key, string path, long size, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        if (File.Exists(target)) return Task.CompletedTask;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(path, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // A concurrent upload of the same bytes got there first: the same content, so nothing is lost.
        }
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    string PathOf(string key)
    {
        // Keys are our own hex hashes; checked anyway, since a key becomes a path.
        if (key.Length != 64 || !key.All(Uri.IsHexDigit)) throw new ArgumentException("A blob key is a SHA-256 in hex.", nameof(key));
        return Path.Combine(paths.Blobs, key[..2], key);
    }
}
