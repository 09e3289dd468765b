using Microsoft.Extensions.Options;
using Switchboard.Core;
using Switchboard.Server.Attachments;
using Switchboard.Server.EventLog;
using Switchboard.Server.Messages;
using Switchboard.Server.Storage;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// Sends a team message with attachments as its parts (<see cref="WhatsAppMediaParts"/>): each file uploaded to the
/// Graph API, then sent as a media message. Every media id and wamid is recorded the moment it is known, so a retried
/// attempt skips what went out already and the customer gets nothing twice (short of a crash between Meta's answer
/// and that write). Answers like a single send: the last part's wamid, or why the send stopped.
/// </summary>
public sealed class WhatsAppMediaSender(Database database, EventLogWriter eventLog, AttachmentService attachments, GraphApiClient graph, GraphMediaClient media,
    IOptions<WhatsAppOptions> options, ILogger<WhatsAppMediaSender> logger)
{
    public async Task<GraphSendResult> SendAsync(WhatsAppInboxRow inbox, string accessToken, MessageRow message, string to, IReadOnlyList<AttachmentRow> files,
        CancellationToken cancellationToken)
    {
        var done = await database.ReadAsync((c, tx) => WhatsAppPartStore.ListAsync(c, tx, message.Id, cancellationToken), cancellationToken);
        GraphSendResult? last = null;
        foreach (var part in WhatsAppMediaParts.Plan(message.Text, files))
        {
            var recorded = done.GetValueOrDefault(part.Index);
            if (recorded?.Wamid is { } wamid)
            {
                last = GraphSendResult.Sent(wamid, 200);
                continue;
            }
            var mediaId = recorded?.MediaId;
            if (part.AttachmentId is { } attachmentId && mediaId is null)
            {
                var uploaded = await UploadAsync(inbox, accessToken, message.WorkspaceId, part, attachmentId, cancellationToken);
                if (!uploaded.Accepted) return uploaded;
                mediaId = uploaded.Id;
                await SaveAsync(inbox, message, part, mediaId, null, cancellationToken);
                WhatsAppLog.MediaUploaded(logger, inbox.InboxId, message.Id, part.Index);
            }
            var sent = await graph.SendAsync(inbox.GraphBaseUrl, inbox.PhoneNumberId, accessToken, WhatsAppMediaParts.Body(part, mediaId, to), cancellationToken);
            if (!sent.Accepted) return sent;
            await SaveAsync(inbox, message, part, mediaId, sent.Id, cancellationToken);
            last = sent;
        }
        return last ?? throw new InvalidOperationException($"Message {message.Id} has nothing to send.");
    }

    async Task<GraphSendResult> UploadAsync(WhatsAppInboxRow inbox, string accessToken, long workspaceId, WhatsAppMediaParts.Part part, long attachmentId,
        CancellationToken cancellationToken)
    {
        // Network time, not the job clock: a transfer that stalls this long is retried.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.MediaTimeout);
        Stream content;
        try
        {
            content = await attachments.OpenReadAsync(workspaceId, attachmentId, cancellationToken);
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound)
        {
            // Its bytes are gone (an admin's clean-up, a lost volume): no retry brings them back; the operator sees why.
            return GraphSendResult.Refuse(null, $"The file {part.FileName} is no longer stored, so it could not be sent.", null);
        }
        await using var _ = content;
        return await media.UploadAsync(inbox.GraphBaseUrl, inbox.PhoneNumberId, accessToken, content, part.FileName!, part.ContentType!, timeout.Token, cancellationToken);
    }

    Task SaveAsync(WhatsAppInboxRow inbox, MessageRow message, WhatsAppMediaParts.Part part, string? mediaId, string? wamid, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(message.WorkspaceId, async w =>
        {
            await WhatsAppPartStore.SaveAsync(w, inbox.InboxId, message.Id, part.Index, part.AttachmentId, mediaId, wamid);
            return 0;
        }, cancellationToken);
}
