namespace Switchboard.Client.Attachments;

/// <summary>A file carried by a message (<c>AttachmentResponse</c> of docs/api.md).</summary>
public sealed record AttachmentDto
{
    /// <summary>Server id.</summary>
    public long Id { get; init; }
    /// <summary>The upload's idempotency id, chosen by the uploading client.</summary>
    public string ClientAttachmentId { get; init; } = "";
    /// <summary>The conversation it was uploaded to.</summary>
    public long ConversationId { get; init; }
    /// <summary>The stored file name.</summary>
    public string FileName { get; init; } = "";
    /// <summary>The type the server sniffed from the bytes (never the declared one).</summary>
    public string ContentType { get; init; } = "";
    /// <summary>Bytes.</summary>
    public long Size { get; init; }
    /// <summary>Pixels, for images (after EXIF orientation); null otherwise.</summary>
    public int? Width { get; init; }
    /// <summary>Pixels, for images; null otherwise.</summary>
    public int? Height { get; init; }
    /// <summary>A thumbnail can be fetched (its link's <c>thumbnailUrl</c>).</summary>
    public bool HasThumbnail { get; init; }
    /// <summary><c>ready</c> (stored), <c>pending</c> (a channel download not finished) or <c>failed</c>.</summary>
    public string Status { get; init; } = "ready";
    /// <summary>Why a channel download gave up (<c>download_failed</c>), else null.</summary>
    public string? Error { get; init; }
}

/// <summary>A signed, short-lived download link; the URLs are relative to the server.</summary>
public sealed record AttachmentLink(string Url, string? ThumbnailUrl, DateTimeOffset ExpiresAt);

/// <summary>The data of <c>attachment.updated</c>: a channel download of an attachment finished or gave up.</summary>
sealed record AttachmentUpdate(long ConversationId, long MessageId, AttachmentDto? Attachment);

/// <summary>
/// A file to send with a message. <paramref name="OpenRead"/> opens its bytes for each attempt (a retried upload reads
/// them again), and the store disposes the stream after the attempt.
/// </summary>
/// <param name="Name">The file name the server stores.</param>
/// <param name="ContentType">The declared type (the server sniffs the bytes and decides).</param>
/// <param name="Size">Bytes, shown while it uploads.</param>
/// <param name="OpenRead">Opens the bytes.</param>
public sealed record AttachmentFile(string Name, string ContentType, long Size, Func<Stream> OpenRead)
{
    /// <summary>The upload's idempotency id (1..64 of <c>[A-Za-z0-9_-]</c>); a new one when null.</summary>
    public string? ClientAttachmentId { get; init; }
}

/// <summary>
/// An attachment as a UI shows it: a confirmed one, or a local file on its way (<c>uploading</c> with
/// <see cref="Progress"/>; <c>failed</c> with the server's refusal code in <see cref="Error"/>, or null when the
/// network gave up).
/// </summary>
public sealed record AttachmentView(string ClientAttachmentId, long? Id, string FileName, string ContentType, long Size, int? Width, int? Height,
    bool HasThumbnail, string Status, double Progress, string? Error)
{
    /// <summary>The view of a confirmed attachment.</summary>
    public static AttachmentView Of(AttachmentDto a) =>
        new(a.ClientAttachmentId, a.Id, a.FileName, a.ContentType, a.Size, a.Width, a.Height, a.HasThumbnail, a.Status, 1, a.Error);
}
