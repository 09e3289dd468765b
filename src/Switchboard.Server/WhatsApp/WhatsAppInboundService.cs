using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Switchboard.Core.Text;
using Dapper;
using Switchboard.Core;
using Switchboard.Core.Messages;
using Microsoft.Extensions.Options;
using Switchboard.Server.Attachments;
using Switchboard.Server.Jobs;
using Switchboard.Server.Contacts;
using Switchboard.Server.Conversations;
using Switchboard.Server.Csat;
using Switchboard.Server.Errors;
using Switchboard.Server.EventLog;
using Switchboard.Server.Messages;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// Stores inbound WhatsApp messages as customer messages through <see cref="MessageService"/>, like any channel: the
/// same state machine, counters and <c>message.created</c> (and so the same bot replies). The wamid is the
/// <c>clientMessageId</c>, so Meta's retries and duplicate deliveries store the message once. A media message is stored
/// at once (so the transcript keeps its order) with a pending attachment named after its media id (once, however often
/// it is delivered), which a <c>whatsapp.download</c> job then fills.
/// </summary>
public sealed class WhatsAppInboundService(EventLogWriter eventLog, MessageService messages, CsatService csat, AttachmentService attachments, JobQueue jobs,
    IOptions<WhatsAppOptions> options, ILogger<WhatsAppInboundService> logger)
{
    public const string IdentityChannel = "whatsapp";

    public async Task StoreAsync(WhatsAppInboxRow inbox, JsonElement message, string? profileName, CancellationToken cancellationToken)
    {
        var waId = Field(message, "from");
        var wamid = Field(message, "id");
        if (waId is null || wamid is null) return;
        var inbound = WhatsAppInboundMapper.Map(message, wamid);
        var (contactId, conversationId) = await EnsureConversationAsync(inbox, waId, profileName, cancellationToken);
        // A tap on a rating button is the rating, not a message: it must not reopen the conversation it rates.
        if (CsatWhatsApp.ReadReply(message) is { } rating)
        {
            await csat.RateFromWhatsAppAsync(inbox.WorkspaceId, contactId, rating.RequestId, rating.Rating, cancellationToken);
            return;
        }
        var author = new Author(SenderRole.Customer, null, contactId, null, Actor.Contact(contactId));
        try
        {
            var pending = inbound.Media is { } media
                ? await attachments.CreatePendingAsync(inbox.WorkspaceId, conversationId, ClientAttachmentId(media.MediaId), media.FileName, media.MimeType, cancellationToken)
                : null;
            var stored = await messages.PostAsync(new MessagePost(inbox.WorkspaceId, author, conversationId,
                new PostMessageRequest(ClientMessageId(wamid), inbound.Text, SeenSeq: null, IsNote: false, AttachmentIds: pending is null ? null : [pending.ClientAttachmentId]))
                { Content = inbound.Content }, cancellationToken);
            WhatsAppLog.InboundStored(logger, inbox.InboxId, stored.Message.Id, inbound.Content.Kind, stored.Replayed);
            if (pending is { Status: AttachmentStatus.Pending })
                await QueueDownloadAsync(inbox, stored.Message.Id, pending.Id, inbound.Media!.MediaId, cancellationToken);
            if (inbound.Content.Kind == MessageKinds.Text && !stored.Replayed)
                await csat.CommentFromWhatsAppAsync(inbox.WorkspaceId, contactId, inbound.Text, cancellationToken);
        }
        catch (DomainException ex) when (ex.Code == ErrorCodes.IdempotencyConflict)
        {
            // The same wamid with other content: keep the first, as for any retried write. Retrying the job cannot help.
            WhatsAppLog.WamidReused(logger, inbox.InboxId);
        }
    }

    /// <summary>
    /// The download job, once per attachment (the dedupe key): a redelivered webhook, or a retry of this one after a
    /// failure part way, finds it queued already.
    /// </summary>
    async Task QueueDownloadAsync(WhatsAppInboxRow inbox, long messageId, long attachmentId, string mediaId, CancellationToken cancellationToken)
    {
        var queued = await eventLog.WriteAsync(inbox.WorkspaceId, w => jobs.EnqueueAsync(w, WhatsAppDownloadHandler.JobKind,
            new WhatsAppDownloadJob(inbox.InboxId, messageId, attachmentId, mediaId),
            new JobEnqueueOptions(MaxAttempts: options.Value.MediaMaxAttempts, DedupeKey: $"{WhatsAppDownloadHandler.JobKind}:{attachmentId}")), cancellationToken);
        if (queued is not null) WhatsAppLog.DownloadQueued(logger, inbox.InboxId, attachmentId, messageId);
    }

    /// <summary>
    /// The attachment's client id: from the media id, so a redelivery finds the attachment it created (Meta's media ids are
    /// digits; anything else is hashed to fit the id's alphabet).
    /// </summary>
    static string ClientAttachmentId(string mediaId) =>
        mediaId.Length <= 60 && mediaId.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-')
            ? "wa-" + mediaId
            : "wa-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(mediaId)))[..48];

    /// <summary>The contact with this wa_id (created on first contact) and its conversation in this inbox (created when it has none).</summary>
    Task<(long ContactId, long ConversationId)> EnsureConversationAsync(WhatsAppInboxRow inbox, string waId, string? profileName, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(inbox.WorkspaceId, async w =>
        {
            var placeholder = "+" + waId;
            var trimmed = profileName is null ? null : TextRules.Strip(profileName).Trim();
            var name = string.IsNullOrEmpty(trimmed) ? placeholder : trimmed.Length > 100 ? trimmed[..100] : trimmed;
            var contactId = await ContactStore.FindByIdentityAsync(w.Connection, w.Transaction, w.WorkspaceId, IdentityChannel, waId, w.CancellationToken);
            if (contactId is null)
                contactId = await ContactStore.CreateAsync(w.Connection, w.Transaction, w.WorkspaceId, name, null, w.Now, IdentityChannel, waId, w.CancellationToken);
            else if (name != placeholder)
                // The profile name fills in a contact first seen without one.
                await ContactStore.ReplacePlaceholderNameAsync(w.Connection, w.Transaction, contactId.Value, placeholder, name, w.Now, w.CancellationToken);

            var conversationId = await ConversationStore.LatestIdAsync(w.Connection, w.Transaction, inbox.InboxId, contactId.Value, w.CancellationToken);
            conversationId ??= (await ConversationWriter.StartAsync(w, inbox.InboxId, contactId.Value, Actor.Contact(contactId.Value))).Conversation.Id;
            return (contactId.Value, conversationId.Value);
        }, cancellationToken);

    /// <summary>The wamid itself when it fits a clientMessageId (it always has so far), else a digest of it.</summary>
    static string ClientMessageId(string wamid) =>
        wamid.Length <= MessageText.MaxClientIdLength && wamid.All(ch => ch is >= '!' and <= '~')
            ? wamid
            : "wamid-sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(wamid)));

    static string? Field(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && v.GetString() is { } raw && TextRules.Strip(raw) is { Length: > 0 and <= 200 } s
            ? s : null;
}
