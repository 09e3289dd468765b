using Switchboard.Core;
using Switchboard.Core.Events;
using Switchboard.Core.Messages;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Messages;

namespace Switchboard.Server.Attachments;

/// <summary>
/// Attachments whose bytes a channel downloads later (an inbound WhatsApp image): a pending placeholder a message
/// references at once, filled or given up on afterwards, each change announced by <c>attachment.updated</c>.
/// </summary>
public sealed partial class AttachmentService
{
    const string UnknownType = "application/octet-stream";

    /// <summary>A placeholder for bytes a channel will download later (status pending). A message references it by clientAttachmentId like any upload.</summary>
    public async Task<AttachmentRow> CreatePendingAsync(long workspaceId, long conversationId, string clientAttachmentId, string fileName, string? declaredType,
        CancellationToken cancellationToken)
    {
        var id = AttachmentNames.ValidateId(clientAttachmentId);
        var name = AttachmentNames.Clean(fileName);
        var (contactId, _) = await TargetAsync(workspaceId, conversationId, cancellationToken);
        // A channel that delivers the same message twice (a webhook retried) gets the same placeholder.
        if (await FindAsync(conversationId, id, cancellationToken) is { } existing) return existing;
        // The customer sent it through the channel.
        var row = NewRow(workspaceId, conversationId, id, name, SenderRole.Customer, contactId, AttachmentStatus.Pending);
        // Only until the bytes are here and sniffed: the declared type is never served.
        row.ContentType = IsMediaType(declaredType) ? declaredType!.ToLowerInvariant() : UnknownType;
        return (await InsertOrFindAsync(row, cancellationToken)).Row;
    }

    /// <summary>Fills a pending attachment (same checks as StoreAsync) and emits attachment.updated; a refused file marks it failed with the code as error.</summary>
    public async Task<AttachmentRow> CompletePendingAsync(long workspaceId, long attachmentId, Stream content, CancellationToken cancellationToken)
    {
        var row = await database.ReadAsync((c, tx) => AttachmentStore.FindAsync(c, tx, workspaceId, attachmentId, cancellationToken), cancellationToken)
            ?? throw new DomainException(AttachmentErrors.NotFound, "No such attachment.", DomainErrorKind.NotFound);
        // A retried download job after the bytes were stored: nothing more to do.
        if (row.Status != AttachmentStatus.Pending) return row;
        var (_, maxBytes) = await TargetAsync(workspaceId, row.ConversationId, cancellationToken);
        StoredContent? stored = null;
        string? refusal = null;
        try
        {
            await using var upload = await SpooledUpload.ReceiveAsync(content, paths.NewTempFile(), maxBytes, cancellationToken);
            stored = await PrepareAsync(upload, row.FileName, cancellationToken);
        }
        catch (AttachmentRejectedException rejected)
        {
            // Refused for good (too large, not allowed): retrying the download would not change that. A broken download throws on, for the job to retry.
            refusal = rejected.Code;
            AttachmentsLog.Refused(logger, workspaceId, attachmentId, rejected.Code);
        }
        return await SettleAsync(workspaceId, attachmentId, a =>
        {
            if (stored is not null) stored.ApplyTo(a);
            (a.Status, a.Error) = stored is not null ? (AttachmentStatus.Ready, (string?)null) : (AttachmentStatus.Failed, refusal);
        }, cancellationToken);
    }

    /// <summary>Gives up on a pending attachment: status failed with the error, emits attachment.updated.</summary>
    public Task<AttachmentRow> FailPendingAsync(long workspaceId, long attachmentId, string error, CancellationToken cancellationToken) =>
        SettleAsync(workspaceId, attachmentId, a => (a.Status, a.Error) = (AttachmentStatus.Failed, error), cancellationToken);

    /// <summary>Changes a pending attachment and appends <c>attachment.updated</c> in one write; one no longer pending is answered as it is.</summary>
    Task<AttachmentRow> SettleAsync(long workspaceId, long attachmentId, Action<AttachmentRow> change, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(workspaceId, async w =>
        {
            var row = await AttachmentStore.FindAsync(w, attachmentId)
                ?? throw new DomainException(AttachmentErrors.NotFound, "No such attachment.", DomainErrorKind.NotFound);
            if (row.Status != AttachmentStatus.Pending) return row;
            change(row);
            row.UpdatedAt = w.NowMs;
            await AttachmentStore.UpdateContentAsync(w, row);
            await AppendUpdatedAsync(w, row);
            AttachmentsLog.Settled(logger, workspaceId, row.Id, row.Status);
            return row;
        }, cancellationToken);

    /// <summary>Appends <c>attachment.updated</c>, scoped as its message is: the team always, the contact only for a message that is not a note.</summary>
    static async Task AppendUpdatedAsync(WriteContext w, AttachmentRow row)
    {
        var conversation = (await ConversationStore.FindAsync(w, row.ConversationId))!.Conversation;
        var message = row.MessageId is { } messageId ? await MessageStore.FindAsync(w, messageId) : null;
        var data = new AttachmentUpdatedData(row.ConversationId, row.MessageId, row.ToResponse());
        await w.AppendAsync(new EventDraft(EventTypes.AttachmentUpdated, row.ConversationId, conversation.ContactId, data,
            message is { IsNote: false } ? data : null, row.UpdatedAt, Actor.System) { InboxId = conversation.InboxId });
    }

    static bool IsMediaType(string? type) =>
        type is { Length: > 2 and <= 100 } && type.Count(ch => ch == '/') == 1 && type.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '/' or '.' or '+' or '-' or '_');
}
