using Switchboard.Client.Attachments;

namespace Switchboard.Client.Sync;

/// <summary>How a message is sent (all optional).</summary>
public sealed record SendMessageOptions
{
    /// <summary>The idempotency id; a new one when null.</summary>
    public string? ClientMessageId { get; init; }
    /// <summary>An internal note (team only).</summary>
    public bool IsNote { get; init; }
    /// <summary>Send the current cursor as <c>seenSeq</c> (operators: detects a customer writing meanwhile).</summary>
    public bool SendSeenSeq { get; init; } = true;
    /// <summary>Reply in a colleague's conversation (without it the server answers 409 <c>conversation_owned_by_other</c>).</summary>
    public bool ReplyAnyway { get; init; }
    /// <summary>
    /// Files to send with it: each is uploaded first (its own clientAttachmentId, retried like any write), and the message
    /// is posted with their ids once all are stored (at most 10).
    /// </summary>
    public IReadOnlyList<AttachmentFile> Files { get; init; } = [];
}
