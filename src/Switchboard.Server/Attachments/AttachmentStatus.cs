namespace Switchboard.Server.Attachments;

/// <summary>The values of <c>attachments.status</c> (and <see cref="AttachmentResponse.Status"/>).</summary>
public static class AttachmentStatus
{
    public const string Ready = "ready";
    /// <summary>A channel will download the bytes later (an inbound WhatsApp image).</summary>
    public const string Pending = "pending";
    /// <summary>A channel download gave up; <c>error</c> says why.</summary>
    public const string Failed = "failed";
}
