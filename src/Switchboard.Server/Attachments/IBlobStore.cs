namespace Switchboard.Server.Attachments;

/// <summary>
/// Where attachment bytes live, by key (the SHA-256 of the bytes, hex): the same bytes are stored once. The
/// <c>blobs</c> table registers every blob whatever the backend (<see cref="AttachmentStore.TouchBlobAsync"/>), so the
/// cleanup job knows what exists; a backend stores and serves the bytes only.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the file at <paramref name="path"/> under <paramref name="key"/> (it may move the file away); nothing when already stored.</summary>
    Task PutAsync(string key, string path, long size, CancellationToken cancellationToken);

    /// <summary>The bytes stored under <paramref name="key"/>, streamed; null when there are none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the bytes (called once the registration is gone); nothing when there are none.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
