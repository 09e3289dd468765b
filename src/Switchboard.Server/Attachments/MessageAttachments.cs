using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Attachments;

/// <summary>
/// The attachments a message takes when it is sent (<c>attachmentIds</c>), checked and linked in the message's own
/// write transaction, so a message and its files are stored together or not at all.
/// </summary>
public static class MessageAttachments
{
    public const int MaxPerMessage = 10;

    /// <summary>The client ids a send lists (none when absent): at most 10, each valid, none twice.</summary>
    public static IReadOnlyList<string> ValidateIds(IReadOnlyList<string>? ids)
    {
        if (ids is null or { Count: 0 }) return [];
        if (ids.Count > MaxPerMessage)
            throw new DomainException(AttachmentErrors.TooMany, $"A message carries at most {MaxPerMessage} attachments.", DomainErrorKind.Invalid);
        var valid = ids.Select(AttachmentNames.ValidateId).ToList();
        if (valid.Distinct(StringComparer.Ordinal).Count() != valid.Count)
            throw new DomainException(AttachmentErrors.IdInvalid, "attachmentIds lists an attachment twice.", DomainErrorKind.Invalid);
        return valid;
    }

    /// <summary>
    /// The uploads the message takes, in its order: each must be in the conversation (a visitor's: uploaded by that
    /// visitor; 409 <c>attachment_not_uploaded</c>) and carried by no other message (409 <c>attachment_already_sent</c>).
    /// </summary>
    public static async Task<IReadOnlyList<AttachmentRow>> TakeAsync(WriteContext w, long conversationId, IReadOnlyList<string> ids, Caller? sender)
    {
        var rows = new List<AttachmentRow>(ids.Count);
        foreach (var id in ids)
        {
            var row = await AttachmentStore.FindByClientIdAsync(w, conversationId, id);
            if (row is null || (sender is { IsVisitor: true } && !row.UploadedBy(sender.ContactId!.Value))) throw NotUploaded(id);
            if (row.MessageId is not null) throw AlreadySent(id);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// Links what <see cref="TakeAsync"/> took to the message. On one node the workspace's write lane already keeps
    /// anything from changing them in between; on a cluster another node's cleanup may have deleted an old upload, or
    /// another message taken it, since they were read: the message then fails with the same errors, instead of being
    /// stored (and shown live) with a file it does not keep.
    /// </summary>
    public static async Task LinkAsync(WriteContext w, long messageId, IReadOnlyList<AttachmentRow> attachments)
    {
        if (await AttachmentStore.LinkAsync(w, messageId, attachments) is not { } lost) return;
        throw await AttachmentStore.FindAsync(w, lost.Id) is null ? NotUploaded(lost.ClientAttachmentId) : AlreadySent(lost.ClientAttachmentId);
    }

    static DomainException NotUploaded(string id) =>
        new(AttachmentErrors.NotUploaded, $"No upload '{id}' in this conversation: upload it first.", DomainErrorKind.Conflict);

    static DomainException AlreadySent(string id) =>
        new(AttachmentErrors.AlreadySent, $"The attachment '{id}' is already part of another message.", DomainErrorKind.Conflict);

    /// <summary>What a message response carries: its attachments, or null when it has none (the field is then left out).</summary>
    public static IReadOnlyList<AttachmentResponse>? Responses(IEnumerable<AttachmentRow> rows)
    {
        var list = rows.Select(a => a.ToResponse()).ToList();
        return list.Count == 0 ? null : list;
    }

    public static async Task<IReadOnlyList<AttachmentResponse>?> ForMessageAsync(WriteContext w, long messageId) =>
        Responses(await AttachmentStore.ForMessageAsync(w.Connection, w.Transaction, messageId, w.CancellationToken));
}
