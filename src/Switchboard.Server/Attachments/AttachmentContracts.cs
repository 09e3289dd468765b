namespace Switchboard.Server.Attachments;

/// <summary>
/// An attachment as every client sees it. <c>contentType</c> is the sniffed type, never the declared one;
/// <c>width</c>/<c>height</c> are an image's (after its EXIF orientation), else null. <c>status</c>: <c>ready</c> (bytes
/// stored), <c>pending</c> (a channel download not finished), <c>failed</c> (<c>error</c> says why).
/// </summary>
public sealed record AttachmentResponse(
    long Id,
    string ClientAttachmentId,
    long ConversationId,
    string FileName,
    string ContentType,
    long Size,
    int? Width,
    int? Height,
    bool HasThumbnail,
    string Status,
    string? Error);

/// <summary>Signed, short-lived download links, relative to the server; <c>thumbnailUrl</c> null when there is no thumbnail.</summary>
public sealed record AttachmentLinkResponse(string Url, string? ThumbnailUrl, DateTimeOffset ExpiresAt);

/// <summary>The data of <c>attachment.updated</c>: a channel download finished or gave up; clients replace it inside its message.</summary>
public sealed record AttachmentUpdatedData(long ConversationId, long? MessageId, AttachmentResponse Attachment);
