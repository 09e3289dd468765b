using System.Security.Cryptography;
using Switchboard.Core;
using Switchboard.Core.Messages;
using Switchboard.Server.Common;
using Switchboard.Server.EventLog;
using Switchboard.Server.Messages;
using Switchboard.Server.Storage;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Attachments;

/// <summary>
/// Attachments: an upload is received into a temp file (hashed and counted on the way, stopped at the workspace's
/// limit), sniffed against the allow-list, images re-encoded without metadata, then stored in the blob store by its
/// SHA-256 (the same bytes once) and registered; a message takes it later by its client id. The channels (WhatsApp)
/// store and fill attachments through the same checks.
/// </summary>
public sealed partial class AttachmentService(
    Database database, EventLogWriter eventLog, IBlobStore blobs, ImageProcessor images, AttachmentPaths paths, AttachmentLinkSigner signer,
    TimeProvider clock, ILogger<AttachmentService> logger)
{
    /// <summary>Stores bytes as a ready attachment of the conversation (sniff, limit, image processing, blob). Throws <see cref="AttachmentRejectedException"/> when refused.</summary>
    public async Task<AttachmentRow> StoreAsync(long workspaceId, long conversationId, string clientAttachmentId, Stream content, string fileName,
        string? declaredType, Author uploader, CancellationToken cancellationToken) =>
        (await UploadAsync(workspaceId, conversationId, clientAttachmentId, content, null, fileName, uploader, cancellationToken)).Row;

    /// <summary>
    /// The upload itself (the API checked the conversation is the caller's). A replay (same id, same bytes, same uploader)
    /// answers the stored attachment with <c>Replayed</c>; the same id with other bytes is 409 <c>attachment_id_conflict</c>.
    /// </summary>
    internal async Task<(AttachmentRow Row, bool Replayed)> UploadAsync(long workspaceId, long conversationId, string? clientAttachmentId, Stream content,
        long? declaredLength, string? fileName, Author uploader, CancellationToken cancellationToken)
    {
        var id = AttachmentNames.ValidateId(clientAttachmentId);
        var name = AttachmentNames.Clean(fileName);
        var (_, maxBytes) = await TargetAsync(workspaceId, conversationId, cancellationToken);
        // Refused before a byte is read when the client says how much it will send.
        if (declaredLength > maxBytes) throw AttachmentRejectedException.TooLarge(maxBytes);

        await using var upload = await SpooledUpload.ReceiveAsync(content, paths.NewTempFile(), maxBytes, cancellationToken);
        if (await FindAsync(conversationId, id, cancellationToken) is { } existing) return (Replay(existing, upload, uploader), true);

        var stored = await PrepareAsync(upload, name, cancellationToken);
        var row = NewRow(workspaceId, conversationId, id, name, uploader.Role, uploader.SenderId, AttachmentStatus.Ready);
        stored.ApplyTo(row);
        var (saved, inserted) = await InsertOrFindAsync(row, cancellationToken);
        if (!inserted) return (Replay(saved, upload, uploader), true);
        AttachmentsLog.Stored(logger, workspaceId, row.Id, row.ContentType, row.Size);
        return (row, false);
    }

    AttachmentRow NewRow(long workspaceId, long conversationId, string clientAttachmentId, string fileName, SenderRole uploaderRole, long? uploaderId,
        string status)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return new AttachmentRow
        {
            WorkspaceId = workspaceId,
            ConversationId = conversationId,
            ClientAttachmentId = clientAttachmentId,
            UploaderRole = EnumText.ToText(uploaderRole),
            UploaderId = uploaderId,
            FileName = fileName,
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Inserts <paramref name="row"/>, or finds the row a concurrent request stored under the same clientAttachmentId
    /// first (the unique key decides; <c>Inserted</c> is false then).
    /// </summary>
    async Task<(AttachmentRow Row, bool Inserted)> InsertOrFindAsync(AttachmentRow row, CancellationToken cancellationToken) =>
        await database.WriteTransactionAsync(row.WorkspaceId, (c, tx) => AttachmentStore.InsertAsync(c, tx, row, cancellationToken), cancellationToken)
            ? (row, true)
            : ((await FindAsync(row.ConversationId, row.ClientAttachmentId, cancellationToken))!, false);

    static AttachmentRow Replay(AttachmentRow existing, SpooledUpload upload, Author uploader) =>
        existing.UploadSha256 == upload.Sha256 && existing.UploaderRole == EnumText.ToText(uploader.Role) && existing.UploaderId == uploader.SenderId
            ? existing
            : throw new DomainException(AttachmentErrors.IdConflict, "This clientAttachmentId was already used for another file.", DomainErrorKind.Conflict);

    /// <summary>The stored bytes (for sending out through a channel).</summary>
    public async Task<Stream> OpenReadAsync(long workspaceId, long attachmentId, CancellationToken cancellationToken)
    {
        var row = await database.ReadAsync((c, tx) => AttachmentStore.FindAsync(c, tx, workspaceId, attachmentId, cancellationToken), cancellationToken);
        return row is { Sha256: { } key } && await blobs.OpenReadAsync(key, cancellationToken) is { } stream
            ? stream
            : throw new DomainException(AttachmentErrors.NotFound, "No such attachment, or its bytes are not stored.", DomainErrorKind.NotFound);
    }

    public Task<IReadOnlyList<AttachmentRow>> ListForMessageAsync(long workspaceId, long messageId, CancellationToken cancellationToken) =>
        database.ReadAsync(async (c, tx) => (await AttachmentStore.ForMessageAsync(c, tx, messageId, cancellationToken))
            .Where(a => a.WorkspaceId == workspaceId).ToList() as IReadOnlyList<AttachmentRow>, cancellationToken);

    Task<AttachmentRow?> FindAsync(long conversationId, string clientAttachmentId, CancellationToken cancellationToken) =>
        database.ReadAsync((c, tx) => AttachmentStore.FindByClientIdAsync(c, tx, conversationId, clientAttachmentId, cancellationToken), cancellationToken);

    /// <summary>
    /// The conversation's contact and the workspace's size limit; the conversation must be the workspace's (a channel
    /// names it, the API checked it already).
    /// </summary>
    Task<(long ContactId, long MaxBytes)> TargetAsync(long workspaceId, long conversationId, CancellationToken cancellationToken) => database.ReadAsync(async (c, tx) =>
    {
        var record = await Conversations.ConversationStore.FindAsync(c, tx, workspaceId, conversationId)
            ?? throw new DomainException("conversation_not_found", "No such conversation.", DomainErrorKind.NotFound);
        return (record.Conversation.ContactId, (await WorkspaceStore.GetSettingsAsync(c, tx, workspaceId)).AttachmentMaxBytes);
    }, cancellationToken);

    /// <summary>Sniffs, processes an image, and stores the blobs of a received file; what the row then records.</summary>
    async Task<StoredContent> PrepareAsync(SpooledUpload upload, string fileName, CancellationToken cancellationToken)
    {
        if (upload.Length == 0) throw new AttachmentRejectedException(AttachmentErrors.Empty, StatusCodes.Status400BadRequest, "The file is empty.");
        var head = await upload.HeadAsync(ContentSniffer.HeadLength, cancellationToken);
        var type = await ContentSniffer.SniffAsync(upload.Path, head, fileName, cancellationToken)
            ?? throw AttachmentRejectedException.TypeNotAllowed("This type of file is not accepted (docs/attachments.md lists the types).");
        if (!ContentSniffer.Images.Contains(type))
        {
            await PutBlobAsync(upload.Sha256, upload.Path, upload.Length, cancellationToken);
            return new StoredContent(type, upload.Length, null, null, upload.Sha256, null, upload.Sha256);
        }
        var image = await images.ProcessAsync(upload.Path, type, cancellationToken);
        try
        {
            var (sha, size) = image.OriginalPath is { } reencoded ? await HashAsync(reencoded, cancellationToken) : (upload.Sha256, upload.Length);
            await PutBlobAsync(sha, image.OriginalPath ?? upload.Path, size, cancellationToken);
            string? thumbnailSha = null;
            if (image.ThumbnailPath is { } thumbnail)
            {
                (thumbnailSha, var thumbnailSize) = await HashAsync(thumbnail, cancellationToken);
                await PutBlobAsync(thumbnailSha, thumbnail, thumbnailSize, cancellationToken);
            }
            return new StoredContent(type, size, image.Width, image.Height, sha, thumbnailSha, upload.Sha256);
        }
        finally
        {
            if (image.OriginalPath is not null) SpooledUpload.TryDelete(image.OriginalPath);
            if (image.ThumbnailPath is not null) SpooledUpload.TryDelete(image.ThumbnailPath);
        }
    }

    /// <summary>Registers the blob first (renewing it if known, so the cleanup leaves it), then stores its bytes.</summary>
    async Task PutBlobAsync(string sha256, string path, long size, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await database.WriteGlobalAsync((c, tx) => AttachmentStore.TouchBlobAsync(c, tx, sha256, size, now, cancellationToken), cancellationToken);
        await blobs.PutAsync(sha256, path, size, cancellationToken);
    }

    static async Task<(string Sha256, long Size)> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return (Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken)), file.Length);
    }

    sealed record StoredContent(string ContentType, long Size, int? Width, int? Height, string Sha256, string? ThumbnailSha256, string UploadSha256)
    {
        public void ApplyTo(AttachmentRow row) =>
            (row.ContentType, row.Size, row.Width, row.Height, row.Sha256, row.ThumbnailSha256, row.UploadSha256) =
            (ContentType, Size, Width, Height, Sha256, ThumbnailSha256, UploadSha256);
    }
}
