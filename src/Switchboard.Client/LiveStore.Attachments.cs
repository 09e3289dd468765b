using System.Collections.Concurrent;
using Switchboard.Client.Attachments;

namespace Switchboard.Client;

public sealed partial class LiveStore
{
    // Uploads in flight by clientAttachmentId, so cancelling a message aborts them.
    readonly ConcurrentDictionary<string, CancellationTokenSource> uploads = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<(long, long), Lazy<Task<AttachmentLink>>> links = new();

    /// <summary>
    /// A signed link to an attachment (relative to the server), from a cache until one minute before it expires.
    /// Throws <see cref="Api.SwitchboardApiException"/> (404 when the caller may not see it); a failure is not cached.
    /// </summary>
    public async Task<AttachmentLink> AttachmentLinkAsync(long conversationId, long attachmentId, CancellationToken cancellationToken = default)
    {
        var link = await CachedLinkAsync(conversationId, attachmentId, cancellationToken);
        // Kept until a minute before expiry, so a link handed out is always usable for a while; a stale one is fetched
        // again once (and that one is handed out whatever its lifetime).
        return link.ExpiresAt - TimeSpan.FromMinutes(1) > time.GetUtcNow() ? link : await CachedLinkAsync(conversationId, attachmentId, cancellationToken, replace: link);
    }

    async Task<AttachmentLink> CachedLinkAsync(long conversationId, long attachmentId, CancellationToken cancellationToken, AttachmentLink? replace = null)
    {
        var key = (conversationId, attachmentId);
        if (replace is not null && links.TryGetValue(key, out var stale) && stale.Value.IsCompletedSuccessfully && stale.Value.Result == replace)
            links.TryRemove(new KeyValuePair<(long, long), Lazy<Task<AttachmentLink>>>(key, stale));
        var entry = links.GetOrAdd(key, _ => new Lazy<Task<AttachmentLink>>(() => api.GetAttachmentLinkAsync(conversationId, attachmentId, stop.Token)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            links.TryRemove(new KeyValuePair<(long, long), Lazy<Task<AttachmentLink>>>(key, entry));
            throw;
        }
    }

    void AbortUploads(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (!uploads.TryGetValue(key, out var upload)) continue;
            try { upload.Cancel(); }
            catch (ObjectDisposedException) { } // it ended meanwhile
        }
    }

    /// <summary>Reports at once on the sender's thread (<see cref="Progress{T}"/> would post, and could arrive after the answer).</summary>
    sealed class UploadProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
