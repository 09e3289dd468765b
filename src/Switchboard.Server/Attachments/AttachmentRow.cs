using Switchboard.Core.Messages;

namespace Switchboard.Server.Attachments;

/// <summary>An <c>attachments</c> row as stored (migration 0017 explains the columns).</summary>
public sealed class AttachmentRow
{
    public const string Columns = """
        id, workspace_id, conversation_id, client_attachment_id, message_id, position, uploader_role, uploader_id, file_name,
        content_type, size, width, height, sha256, thumbnail_sha256, upload_sha256, status, error, created_at, updated_at
        """;

    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public long ConversationId { get; set; }
    public string ClientAttachmentId { get; set; } = "";
    public long? MessageId { get; set; }
    public int Position { get; set; }
    public string UploaderRole { get; set; } = "";
    public long? UploaderId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// <summary>The blob key (SHA-256, hex) of the stored original; null while pending or failed.</summary>
    public string? Sha256 { get; set; }
    public string? ThumbnailSha256 { get; set; }
    /// <summary>SHA-256 of the bytes as received: a replayed upload is recognised by it.</summary>
    public string? UploadSha256 { get; set; }
    public string Status { get; set; } = AttachmentStatus.Ready;
    public string? Error { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public bool HasThumbnail => ThumbnailSha256 is not null;

    /// <summary>Whether the visitor <paramref name="contactId"/> uploaded it.</summary>
    public bool UploadedBy(long contactId) => UploaderRole == Common.EnumText.ToText(SenderRole.Customer) && UploaderId == contactId;

    public AttachmentResponse ToResponse() =>
        new(Id, ClientAttachmentId, ConversationId, FileName, ContentType, Size, Width, Height, HasThumbnail, Status, Error);
}
