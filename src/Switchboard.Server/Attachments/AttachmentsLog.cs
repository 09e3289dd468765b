namespace Switchboard.Server.Attachments;

/// <summary>Attachments' log messages, ids 4000–4099. Ids, types and sizes only; never file names or content.</summary>
static partial class AttachmentsLog
{
    [LoggerMessage(4001, LogLevel.Debug, "Workspace {WorkspaceId}: attachment {AttachmentId} stored ({ContentType}, {Size} bytes)")]
    public static partial void Stored(ILogger logger, long workspaceId, long attachmentId, string contentType, long size);

    [LoggerMessage(4002, LogLevel.Information, "Workspace {WorkspaceId}: upload refused ({Code})")]
    public static partial void UploadRefused(ILogger logger, long workspaceId, string code);

    [LoggerMessage(4003, LogLevel.Information, "Workspace {WorkspaceId}: the channel's file for attachment {AttachmentId} was refused ({Code})")]
    public static partial void Refused(ILogger logger, long workspaceId, long attachmentId, string code);

    [LoggerMessage(4004, LogLevel.Debug, "Workspace {WorkspaceId}: pending attachment {AttachmentId} is now {Status}")]
    public static partial void Settled(ILogger logger, long workspaceId, long attachmentId, string status);

    [LoggerMessage(4005, LogLevel.Information, "Attachment cleanup: {Attachments} unsent uploads and {Blobs} unreferenced blobs deleted")]
    public static partial void Cleaned(ILogger logger, int attachments, int blobs);

    [LoggerMessage(4006, LogLevel.Warning, "Attachment {AttachmentId}: its blob is missing from the store")]
    public static partial void BlobMissing(ILogger logger, long attachmentId);

    [LoggerMessage(4007, LogLevel.Debug, "Attachment {AttachmentId}: a download link was refused (bad signature or expired)")]
    public static partial void LinkRefused(ILogger logger, long attachmentId);
}
