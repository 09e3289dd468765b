using Dapper;
using Switchboard.Core.Messages;
using Switchboard.Server.Attachments;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Storage;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// Sends one outbound message (operator or bot) to the Cloud API. Accepted: the wamid is stored and the message moves
/// to <c>sent</c>. Refused (4xx): <c>failed</c> with Meta's error for the operator. 429, 5xx or no answer: the attempt
/// fails and the job system retries it with backoff; when the budget is spent the message is marked failed too.
/// The Cloud API has no idempotency key, so a crash between its answer and our commit can send a message twice.
/// </summary>
public sealed class WhatsAppSendHandler(Database database, EventLogWriter eventLog, WhatsAppSecrets secrets, GraphApiClient graph, WhatsAppStatusService statuses,
    AttachmentService attachments, WhatsAppMediaSender media, ILogger<WhatsAppSendHandler> logger) : IJobHandler
{
    public const string JobKind = "whatsapp.send";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var messageId = job.Read<WhatsAppSendJob>().MessageId;
        var target = await database.ReadAsync((c, tx) => LoadAsync(c, tx, messageId, cancellationToken), cancellationToken);
        // Gone, or settled by an earlier attempt whose success was recorded before its job was: nothing to do.
        if (target is null || target.Message.Status != EnumText.ToText(DeliveryStatus.Sending) || target.Message.ExternalId is not null) return;
        if (target.Inbox is null || target.WaId is null)
        {
            await FailAsync(target, target.Inbox is null ? "The WhatsApp inbox of this conversation is gone." : "The contact has no WhatsApp number.", cancellationToken);
            return;
        }

        var inbox = target.Inbox;
        if (!secrets.TryUnprotect(inbox.InboxId, inbox.AccessToken, out var accessToken))
        {
            // Retrying cannot bring a lost key back; an admin sets the token again and the operator resends.
            await FailAsync(target, "This WhatsApp inbox's access token cannot be decrypted; an admin must set it again.", cancellationToken);
            return;
        }
        // A message with attachments goes out as several Cloud API messages (docs/whatsapp.md, media out).
        var files = (await attachments.ListForMessageAsync(target.WorkspaceId, messageId, cancellationToken)).Where(a => a.Status == AttachmentStatus.Ready).ToList();
        var result = files.Count == 0
            ? await graph.SendAsync(inbox.GraphBaseUrl, inbox.PhoneNumberId, accessToken, WhatsAppOutbound.Body(target.Message, target.WaId), cancellationToken)
            : await media.SendAsync(inbox, accessToken, target.Message, target.WaId, files, cancellationToken);
        if (result.Accepted)
        {
            await RecordSentAsync(target, result.Id!, cancellationToken);
            WhatsAppLog.Sent(logger, inbox.InboxId, messageId);
        }
        else if (result.Refused)
        {
            WhatsAppLog.SendRefused(logger, inbox.InboxId, messageId, result.StatusCode ?? 0, result.ErrorCode);
            await FailAsync(target, result.Error!, cancellationToken);
        }
        else if (job.Attempt >= job.MaxAttempts)
        {
            // The job goes dead (visible to admins) and the operator sees the message failed instead of sending forever.
            WhatsAppLog.SendGaveUp(logger, inbox.InboxId, messageId, job.Attempt, result.Reason);
            await FailAsync(target, $"WhatsApp did not accept the message after {job.Attempt} attempts ({result.Reason}).", cancellationToken);
            throw new WhatsAppSendException(result.Reason);
        }
        else
        {
            WhatsAppLog.SendRetry(logger, inbox.InboxId, messageId, job.Attempt, result.Reason);
            throw new WhatsAppSendException(result.Reason);
        }
    }

    Task RecordSentAsync(SendTarget target, string wamid, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(target.WorkspaceId, async w =>
        {
            var message = await MessageAsync(w, target.Message.Id);
            if (message is null) return 0;
            message.ExternalId = wamid;
            await MessageStore.SetExternalIdAsync(w, message.Id, wamid);
            await MessageStatusWriter.ApplyAsync(w, message, target.ContactId, target.Inbox?.InboxId, DeliveryStatus.Sent, null, Actor.System);
            await statuses.ApplyKeptAsync(w, target.Inbox!.InboxId, message);
            return 0;
        }, cancellationToken);

    Task FailAsync(SendTarget target, string error, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(target.WorkspaceId, async w =>
        {
            if (await MessageAsync(w, target.Message.Id) is { } message)
                await MessageStatusWriter.ApplyAsync(w, message, target.ContactId, target.Inbox?.InboxId, DeliveryStatus.Failed, error, Actor.System);
            return 0;
        }, cancellationToken);

    static Task<MessageRow?> MessageAsync(WriteContext w, long id) => MessageStore.FindAsync(w, id);

    static async Task<SendTarget?> LoadAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, long messageId, CancellationToken cancellationToken)
    {
        var message = await MessageStore.FindAsync(c, tx, messageId, cancellationToken);
        if (message is null) return null;
        var conversation = (await ConversationStore.FindAsync(c, tx, message.WorkspaceId, message.ConversationId))!.Conversation;
        var (inboxId, contactId) = (conversation.InboxId, conversation.ContactId);
        var inbox = await WhatsAppInboxStore.FindAsync(c, tx, inboxId, cancellationToken);
        var waId = await WaIdAsync(c, tx, contactId, cancellationToken);
        return new SendTarget(message.WorkspaceId, contactId, message, inbox, waId);
    }

    /// <summary>The contact's WhatsApp number (wa_id), or null when it has none.</summary>
    public static Task<string?> WaIdAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction? tx, long contactId, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT external_id FROM contact_identities WHERE contact_id = @contactId AND channel = @channel ORDER BY external_id LIMIT 1",
            new { contactId, channel = WhatsAppInboundService.IdentityChannel }, tx, cancellationToken: cancellationToken));

    sealed record SendTarget(long WorkspaceId, long ContactId, MessageRow Message, WhatsAppInboxRow? Inbox, string? WaId);
}
