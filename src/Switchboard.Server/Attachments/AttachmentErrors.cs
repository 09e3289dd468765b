namespace Switchboard.Server.Attachments;

/// <summary>The stable codes of attachment refusals (docs/api.md § Attachments).</summary>
public static class AttachmentErrors
{
    public const string TooLarge = "attachment_too_large";
    public const string TypeNotAllowed = "attachment_type_not_allowed";
    /// <summary>An image larger than <see cref="AttachmentOptions.MaxImagePixels"/> (a decompression bomb, or just too big to process).</summary>
    public const string ImageTooLarge = "attachment_image_too_large";
    public const string Empty = "attachment_empty";
    public const string NameInvalid = "attachment_name_invalid";
    public const string IdInvalid = "attachment_id_invalid";
    public const string IdConflict = "attachment_id_conflict";
    public const string NotFound = "attachment_not_found";
    public const string LinkInvalid = "attachment_link_invalid";
    public const string NotUploaded = "attachment_not_uploaded";
    public const string AlreadySent = "attachment_already_sent";
    public const string TooMany = "attachments_too_many";
    public const string NotReady = "attachment_not_ready";
}
