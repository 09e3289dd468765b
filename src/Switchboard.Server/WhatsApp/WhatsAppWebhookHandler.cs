using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Switchboard.Server.Jobs;
using Switchboard.Server.Storage;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// Processes one stored webhook: inbound messages (with their senders' profile names) and status callbacks, change by
/// change. Each step is idempotent (messages by wamid, statuses only move forward), so a retry after a failure part
/// way through redoes nothing twice.
/// </summary>
public sealed class WhatsAppWebhookHandler(Database database, WhatsAppSecrets secrets, WhatsAppInboundService inbound, WhatsAppStatusService statuses,
    TimeProvider clock, ILogger<WhatsAppWebhookHandler> logger) : IJobHandler
{
    public const string JobKind = "whatsapp.webhook";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var webhookId = job.Read<WhatsAppWebhookJob>().WebhookId;
        var stored = await database.ReadAsync((c, tx) => c.QuerySingleOrDefaultAsync<StoredWebhook>(new CommandDefinition(
            "SELECT id AS Id, inbox_id AS InboxId, body AS Body, processed_at AS ProcessedAt FROM whatsapp_webhooks WHERE id = @webhookId",
            new { webhookId }, tx, cancellationToken: cancellationToken)), cancellationToken);
        if (stored is null || stored.ProcessedAt is not null) return;
        var receiving = await database.ReadAsync((c, tx) => WhatsAppInboxStore.FindAsync(c, tx, stored.InboxId, cancellationToken), cancellationToken);

        CloudWebhook? payload;
        try
        {
            payload = JsonSerializer.Deserialize<CloudWebhook>(stored.Body, CloudApiJson.Options);
        }
        catch (JsonException)
        {
            payload = null;
        }
        if (payload is null || receiving is null) WhatsAppLog.PayloadUnreadable(logger, webhookId);
        else
        {
            var router = new Router(database, secrets, receiving);
            foreach (var change in (payload.Entry ?? []).SelectMany(e => e.Changes ?? []))
                await ProcessAsync(webhookId, router, change, cancellationToken);
        }

        await database.WriteGlobalAsync((c, tx) => c.ExecuteAsync(new CommandDefinition(
            "UPDATE whatsapp_webhooks SET processed_at = @now WHERE id = @webhookId",
            new { now = clock.GetUtcNow().ToUnixTimeMilliseconds(), webhookId }, tx, cancellationToken: cancellationToken)), cancellationToken);
    }

    async Task ProcessAsync(long webhookId, Router router, CloudChange change, CancellationToken cancellationToken)
    {
        if (change.Field != "messages" || change.Value is not { } value)
        {
            WhatsAppLog.Skipped(logger, router.Receiving.InboxId, "change", change.Field ?? "(none)");
            return;
        }
        var phoneNumberId = value.Metadata?.PhoneNumberId ?? "";
        if (await router.InboxForAsync(phoneNumberId, cancellationToken) is not { } inbox)
        {
            WhatsAppLog.UnknownNumber(logger, webhookId, phoneNumberId);
            return;
        }
        var names = (value.Contacts ?? []).Where(c => c.WaId is not null).GroupBy(c => c.WaId!).ToDictionary(g => g.Key, g => g.First().Profile?.Name);
        foreach (var message in value.Messages ?? [])
        {
            var from = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.String
                ? f.GetString() : null;
            await inbound.StoreAsync(inbox, message, from is not null ? names.GetValueOrDefault(from) : null, cancellationToken);
        }
        foreach (var status in value.Statuses ?? [])
            await statuses.ApplyAsync(inbox, status, cancellationToken);
        foreach (var error in value.Errors ?? [])
            WhatsAppLog.ReportedError(logger, webhookId, error.Code, phoneNumberId);
    }

    /// <summary>
    /// Meta posts all numbers of one app to that app's one callback URL. So a change for another number is routed to
    /// that number's inbox, but only within the receiving inbox's workspace and only if it has the same app secret:
    /// the signature proves the app, not the number.
    /// </summary>
    sealed class Router(Database database, WhatsAppSecrets secrets, WhatsAppInboxRow receiving)
    {
        Dictionary<string, WhatsAppInboxRow>? siblings;

        public WhatsAppInboxRow Receiving => receiving;

        public async Task<WhatsAppInboxRow?> InboxForAsync(string phoneNumberId, CancellationToken cancellationToken)
        {
            if (phoneNumberId == receiving.PhoneNumberId) return receiving;
            siblings ??= await SiblingsAsync(cancellationToken);
            return siblings.GetValueOrDefault(phoneNumberId);
        }

        async Task<Dictionary<string, WhatsAppInboxRow>> SiblingsAsync(CancellationToken cancellationToken)
        {
            var all = await database.ReadAsync((c, tx) => WhatsAppInboxStore.ListAsync(c, tx, receiving.WorkspaceId, cancellationToken), cancellationToken);
            var secret = Encoding.UTF8.GetBytes(secrets.Unprotect(receiving.InboxId, receiving.AppSecret));
            return all.Where(i => i.InboxId != receiving.InboxId
                    && CryptographicOperations.FixedTimeEquals(secret, Encoding.UTF8.GetBytes(secrets.Unprotect(i.InboxId, i.AppSecret))))
                .ToDictionary(i => i.PhoneNumberId, StringComparer.Ordinal);
        }
    }

    sealed record StoredWebhook(long Id, long InboxId, string Body, long? ProcessedAt);
}
