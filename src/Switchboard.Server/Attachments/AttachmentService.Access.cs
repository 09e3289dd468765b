using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Messages;

namespace Switchboard.Server.Attachments;

/// <summary>
/// Who may fetch an attachment: exactly who may see its message. A visitor only in their own conversation, only a
/// message that is not a note (or an upload of their own not sent yet); a member who sees the conversation (teams
/// included). Anyone else gets 404, as if it did not exist.
/// </summary>
public sealed partial class AttachmentService
{
    /// <summary>The upload through the API: the caller must see the conversation (404 otherwise) and becomes its uploader.</summary>
    internal async Task<(AttachmentRow Row, bool Replayed)> UploadAsync(Caller caller, long conversationId, string? clientAttachmentId, Stream content,
        long? declaredLength, string? fileName, CancellationToken cancellationToken)
    {
        await database.ReadAsync((c, tx) => ConversationStore.GetVisibleAsync(c, tx, caller, conversationId), cancellationToken);
        return await UploadAsync(caller.WorkspaceId, conversationId, clientAttachmentId, content, declaredLength, fileName, Author.From(caller), cancellationToken);
    }

    public async Task<AttachmentLinkResponse> LinkAsync(Caller caller, long conversationId, long attachmentId, CancellationToken cancellationToken)
    {
        var row = await database.ReadAsync(async (c, tx) =>
        {
            await ConversationStore.GetVisibleAsync(c, tx, caller, conversationId);
            var row = await AttachmentStore.FindAsync(c, tx, caller.WorkspaceId, attachmentId, cancellationToken);
            if (row is null || row.ConversationId != conversationId) throw NotFound();
            if (caller.IsVisitor)
            {
                var visible = row.MessageId is { } messageId
                    ? await MessageStore.FindAsync(c, tx, messageId, cancellationToken) is { IsNote: false }
                    : row.UploadedBy(caller.ContactId!.Value);
                if (!visible) throw NotFound();
            }
            return row;
        }, cancellationToken);
        if (row.Status != AttachmentStatus.Ready)
            throw new DomainException(AttachmentErrors.NotReady, $"The attachment is {row.Status}: there is nothing to download.", DomainErrorKind.Conflict);
        return await signer.LinkAsync(row, cancellationToken);
    }

    /// <summary>The bytes a signed link names (403 <c>attachment_link_invalid</c> when its signature is wrong or it expired).</summary>
    public async Task<AttachmentContent> OpenContentAsync(long attachmentId, string? variant, long? exp, string? signature, CancellationToken cancellationToken)
    {
        if (await signer.CheckAsync(attachmentId, variant, exp, signature, cancellationToken) is not { } secondsLeft)
        {
            AttachmentsLog.LinkRefused(logger, attachmentId);
            throw new DomainException(AttachmentErrors.LinkInvalid, "The link is not valid or has expired: ask for a new one.", DomainErrorKind.Forbidden);
        }
        var row = await database.ReadAsync((c, tx) => AttachmentStore.FindByIdAsync(c, tx, attachmentId, cancellationToken), cancellationToken);
        var thumbnail = variant == AttachmentLinkSigner.Thumbnail;
        // Deleted since the link was made (an orphan cleaned up): gone.
        if ((thumbnail ? row?.ThumbnailSha256 : row?.Sha256) is not { } key) throw NotFound();
        var stream = await blobs.OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            AttachmentsLog.BlobMissing(logger, attachmentId);
            throw NotFound();
        }
        return new AttachmentContent(stream, thumbnail ? ThumbnailType : row!.ContentType, row!.FileName, thumbnail || ContentSniffer.Images.Contains(row.ContentType),
            secondsLeft);
    }

    const string ThumbnailType = "image/webp";

    static DomainException NotFound() => new(AttachmentErrors.NotFound, "No such attachment.", DomainErrorKind.NotFound);
}

/// <summary>What the content endpoint streams: the bytes, their type, the name, whether a browser may show it in place, and the link's seconds left.</summary>
public sealed record AttachmentContent(Stream Stream, string ContentType, string FileName, bool Inline, long SecondsLeft);
