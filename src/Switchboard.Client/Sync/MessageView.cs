using Switchboard.Client.Models;

namespace Switchboard.Client.Sync;

/// <summary>
/// A message as a UI shows it: a confirmed server message, or a local one still on its way
/// (<see cref="Pending"/>), replaced in place by the server's message once known.
/// </summary>
public sealed record MessageView(
    string ClientMessageId,
    long? Id,
    long? Ordinal,
    string Text,
    string SenderRole,
    string? SenderName,
    string Status,
    bool Pending,
    bool IsNote,
    string? Error,
    MessageDto? Server)
{
    /// <summary>True when the message failed and can be retried.</summary>
    public bool CanRetry => Pending && Status == "failed";

    /// <summary>Its files: the server's once known, else the local ones on their way (<c>uploading</c> with progress).</summary>
    public IReadOnlyList<Attachments.AttachmentView> Attachments { get; init; } = [];
}
