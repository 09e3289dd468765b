using System.Security.Cryptography;
using System.Text;
using Dapper;
using Switchboard.Core;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;
using Switchboard.Server.Storage;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// The webhook's two doors: Meta's verification handshake, and notifications, which are checked against the inbox's
/// app secret, stored as received and answered at once; a <c>whatsapp.webhook</c> job committed with the payload
/// processes it. A payload that fails the signature check is not stored at all.
/// </summary>
public sealed class WhatsAppWebhookReceiver(Database database, EventLogWriter eventLog, WhatsAppSecrets secrets, JobQueue jobs, ILogger<WhatsAppWebhookReceiver> logger)
{
    /// <summary>True when Meta's <c>hub.mode=subscribe</c> comes with this inbox's verify token.</summary>
    public async Task<bool> VerifyAsync(long inboxId, string? mode, string? verifyToken, CancellationToken cancellationToken)
    {
        var inbox = await FindAsync(inboxId, cancellationToken);
        if (mode != "subscribe" || string.IsNullOrEmpty(verifyToken)) return false;
        var expected = secrets.Unprotect(inbox.InboxId, inbox.VerifyToken);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(verifyToken));
    }

    /// <summary>Checks the signature over the exact bytes received, then stores the payload with its processing job.</summary>
    public async Task<long> ReceiveAsync(long inboxId, byte[] body, string? signature, CancellationToken cancellationToken)
    {
        var inbox = await FindAsync(inboxId, cancellationToken);
        if (!WhatsAppSignature.Verify(secrets.Unprotect(inbox.InboxId, inbox.AppSecret), signature, body))
        {
            WhatsAppLog.SignatureRejected(logger, inbox.InboxId);
            throw new DomainException("whatsapp_signature_invalid",
                $"{WhatsAppSignature.Header} is missing or is not the HMAC-SHA256 of the body with this inbox's app secret.", DomainErrorKind.Unauthorized);
        }

        var text = Encoding.UTF8.GetString(body);
        var id = await eventLog.WriteAsync(inbox.WorkspaceId, async w =>
        {
            var webhookId = await w.QuerySingleAsync<long>("""
                INSERT INTO whatsapp_webhooks (workspace_id, inbox_id, body, received_at) VALUES (@WorkspaceId, @InboxId, @text, @NowMs) RETURNING id
                """, new { inbox.WorkspaceId, inbox.InboxId, text, w.NowMs }, w.CancellationToken);
            await jobs.EnqueueAsync(w, WhatsAppWebhookHandler.JobKind, new WhatsAppWebhookJob(webhookId));
            return webhookId;
        }, cancellationToken);
        WhatsAppLog.WebhookStored(logger, inbox.InboxId, id, body.Length);
        return id;
    }

    async Task<WhatsAppInboxRow> FindAsync(long inboxId, CancellationToken cancellationToken) =>
        await database.ReadAsync((c, tx) => WhatsAppInboxStore.FindAsync(c, tx, inboxId, cancellationToken), cancellationToken)
            ?? throw new DomainException("inbox_not_found", "No WhatsApp inbox has this id.", DomainErrorKind.NotFound);
}
