using Switchboard.Client.Attachments;

namespace Switchboard.Client.Sync;

/// <summary>
/// A write the store wants sent. <see cref="Key"/> is the mutation's idempotency id
/// (<c>clientMessageId</c>, <c>mutationId</c> or, for an upload, <c>clientAttachmentId</c>): every attempt of the same
/// write carries the same key, so the server applies it once however often it arrives.
/// </summary>
public sealed record OutgoingRequest(string Key, string Method, string Path, IReadOnlyDictionary<string, object?> Body, int Attempt)
{
    /// <summary>For an upload (<c>PUT</c>): the file to send as the body, instead of <see cref="Body"/>.</summary>
    public OutgoingUpload? Upload { get; init; }
}

/// <summary>The file an upload request sends, and the conversation it goes to.</summary>
public sealed record OutgoingUpload(long ConversationId, AttachmentFile File);
