using System.Collections.Concurrent;
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
/// way through redoes nothing twice. An inbox's webhooks are handled one at a time, each with the unprocessed ones
/// received before it, so messages are stored in the order Meta sent them (its timestamp, then arrival), not in the
/// order parallel job lanes happen to pick the webhooks up. (The gate is per process: on several nodes, one inbox's
/// webhooks can still be handled on two at once; each message is still stored once.)
/// </summary>
public sealed class WhatsAppWebhookHandler(Database database, WhatsAppSecrets secrets, WhatsAppInboundService inbound, WhatsAppStatusService statuses,
    TimeProvider clock, ILogger<WhatsAppWebhookHandler> logger) : IJobHandler
{
    public const string JobKind = "whatsapp.webhook";
    readonly ConcurrentDictionary<long, SemaphoreSlim> inboxGates = new();

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var webhookId = job.Read<WhatsAppWebhookJob>().WebhookId;
        var inboxId = await database.ReadAsync((c, tx) => c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT inbox_id FROM whatsapp_webhooks WHERE id = @webhookId AND processed_at IS NULL", new { webhookId }, tx, cancellationToken: cancellationToken)),
            cancellationToken);
        if (inboxId is null) return;
        // One inbox's webhooks are stored one after another, whichever job lane picked which: a later webhook's job first
        // stores what came before it (and the earlier jobs then find nothing left to do).
        var gate = inboxGates.GetOrAdd(inboxId.Value, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await HandleUpToAsync(inboxId.Value, webhookId, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Every unprocessed webhook of the inbox up to this one, their messages in Meta's order (timestamp, then arrival).</summary>
    async Task HandleUpToAsync(long inboxId, long webhookId, CancellationToken cancellationToken)
    {
        var pending = (await database.ReadAsync((c, tx) => c.QueryAsync<StoredWebhook>(new CommandDefinition("""
            SELECT id AS Id, inbox_id AS InboxId, body AS Body, processed_at AS ProcessedAt FROM whatsapp_webhooks
            WHERE inbox_id = @inboxId AND id <= @webhookId AND processed_at IS NULL ORDER BY id
            """, new { inboxId, webhookId }, tx, cancellationToken: cancellationToken)), cancellationToken)).ToList();
        if (pending.Count == 0) return;
        var receiving = await database.ReadAsync((c, tx) => WhatsAppInboxStore.FindAsync(c, tx, inboxId, cancellationToken), cancellationToken);

        var changes = new List<(long WebhookId, CloudChange Change)>();
        foreach (var stored in pending)
        {
            CloudWebhook? payload;
            try
            {
                payload = JsonSerializer.Deserialize<CloudWebhook>(stored.Body, CloudApiJson.Options);
            }
            catch (JsonException)
            {
                payload = null;
            }
            if (payload is null || receiving is null) WhatsAppLog.PayloadUnreadable(logger, stored.Id);
            else changes.AddRange((payload.Entry ?? []).SelectMany(e => e.Changes ?? []).Select(change => (stored.Id, change)));
        }
        if (receiving is not null) await ProcessAsync(new Router(database, secrets, receiving), changes, cancellationToken);

        var ids = pending.Select(w => w.Id).ToList();
        await database.WriteGlobalAsync(async (c, tx) =>
        {
            foreach (var id in ids)
                await c.ExecuteAsync(new CommandDefinition("UPDATE whatsapp_webhooks SET processed_at = @now WHERE id = @id",
                    new { now = clock.GetUtcNow().ToUnixTimeMilliseconds(), id }, tx, cancellationToken: cancellationToken));
            return ids.Count;
        }, cancellationToken);
    }

    async Task ProcessAsync(Router router, List<(long WebhookId, CloudChange Change)> changes, CancellationToken cancellationToken)
    {
        var arrived = new List<(WhatsAppInboxRow Inbox, JsonElement Message, string? Name, long Timestamp, int Order)>();
        var reported = new List<(WhatsAppInboxRow Inbox, CloudValue Value)>();
        foreach (var (webhookId, change) in changes)
        {
            if (change.Field != "messages" || change.Value is not { } value)
            {
                WhatsAppLog.Skipped(logger, router.Receiving.InboxId, "change", change.Field ?? "(none)");
                continue;
            }
            var phoneNumberId = value.Metadata?.PhoneNumberId ?? "";
            if (await router.InboxForAsync(phoneNumberId, cancellationToken) is not { } inbox)
            {
                WhatsAppLog.UnknownNumber(logger, webhookId, phoneNumberId);
                continue;
            }
            var names = (value.Contacts ?? []).Where(c => c.WaId is not null).GroupBy(c => c.WaId!).ToDictionary(g => g.Key, g => g.First().Profile?.Name);
            foreach (var message in value.Messages ?? [])
            {
                var from = Str(message, "from");
                arrived.Add((inbox, message, from is not null ? names.GetValueOrDefault(from) : null, Timestamp(message), arrived.Count));
            }
            reported.Add((inbox, value));
            foreach (var error in value.Errors ?? [])
                WhatsAppLog.ReportedError(logger, webhookId, error.Code, phoneNumberId);
        }
        // Meta's timestamp (seconds) orders messages that raced in separate webhooks; arrival order breaks ties.
        foreach (var m in arrived.OrderBy(m => m.Timestamp).ThenBy(m => m.Order))
            await inbound.StoreAsync(m.Inbox, m.Message, m.Name, cancellationToken);
        foreach (var (inbox, value) in reported)
            foreach (var status in value.Statuses ?? [])
                await statuses.ApplyAsync(inbox, status, cancellationToken);
    }

    static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static long Timestamp(JsonElement message) =>
        long.TryParse(Str(message, "timestamp"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : long.MaxValue;

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
