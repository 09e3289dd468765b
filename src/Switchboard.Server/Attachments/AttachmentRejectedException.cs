namespace Switchboard.Server.Attachments;

/// <summary>
/// A file refused before anything is stored: <see cref="Code"/> is the ProblemDetails code and <see cref="Status"/> the
/// HTTP status the API answers with (413 too large, 415 type not allowed, 400 empty or badly named).
/// </summary>
public sealed class AttachmentRejectedException(string code, int status, string message) : Exception(message)
{
    public AttachmentRejectedException(string code, int status) : this(code, status, $"The file was refused ({code}).") { }

    public string Code { get; } = code;
    public int Status { get; } = status;

    public static AttachmentRejectedException TooLarge(long max) =>
        new(AttachmentErrors.TooLarge, StatusCodes.Status413PayloadTooLarge, $"The file must be at most {max} bytes.");

    public static AttachmentRejectedException TypeNotAllowed(string detail) =>
        new(AttachmentErrors.TypeNotAllowed, StatusCodes.Status415UnsupportedMediaType, detail);
}
