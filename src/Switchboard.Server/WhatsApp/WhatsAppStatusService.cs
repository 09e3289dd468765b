using Switchboard.Core.Messages;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Messages;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// Status callbacks (<c>sent</c>, <c>delivered</c>, <c>read</c>, <c>failed</c>) for outbound messages, found by their
/// wamid. A callback can overtake the send it reports on (Meta may call before the Graph API's answer is recorded);
/// it is then kept and applied when the send records its wamid.
/// </summary>
public sealed class WhatsAppStatusService(EventLogWriter eventLog, ILogger<WhatsAppStatusService> logger)
{
    public Task ApplyAsync(WhatsAppInboxRow inbox, CloudStatus status, CancellationToken cancellationToken)
    {
        if (status.Id is not { Length: > 0 and <= 200 } wamid) return Task.CompletedTask;
        if (!TryParse(status.Status, out var to))
        {
            WhatsAppLog.Skipped(logger, inbox.InboxId, "status", status.Status ?? "(none)");
            return Task.CompletedTask;
        }
        var error = to == DeliveryStatus.Failed ? WhatsAppError.Describe(status.Errors?.FirstOrDefault(), "WhatsApp could not deliver the message.") : null;

        return eventLog.WriteAsync(inbox.WorkspaceId, async w =>
        {
            var message = await FindAsync(w, inbox.InboxId, wamid);
            if (message is null)
            {
                await w.ExecuteAsync("""
                    INSERT INTO whatsapp_orphan_statuses (workspace_id, inbox_id, wamid, status, error, received_at)
                    VALUES (@WorkspaceId, @InboxId, @wamid, @status, @error, @NowMs)
                    """, new { w.WorkspaceId, inbox.InboxId, wamid, status = EnumText.ToText(to), error, w.NowMs }, w.CancellationToken);
                WhatsAppLog.StatusKept(logger, inbox.InboxId, EnumText.ToText(to));
                return 0;
            }
            await ApplyAsync(w, inbox.InboxId, message, to, error);
            return 0;
        }, cancellationToken);
    }

    /// <summary>
    /// Applies the callbacks kept for <paramref name="message"/>'s wamid (and its parts' wamids, for a message sent with
    /// attachments), in arrival order, and forgets them.
    /// </summary>
    public async Task ApplyKeptAsync(WriteContext w, long inboxId, MessageRow message)
    {
        var wamids = (await WhatsAppPartStore.WamidsAsync(w, message.Id)).Append(message.ExternalId).OfType<string>().Distinct(StringComparer.Ordinal);
        var kept = new List<(long Id, string Status, string? Error)>();
        // One wamid at a time: Dapper's "IN @list" is not portable to Npgsql; a message has a handful of parts at most.
        foreach (var wamid in wamids)
        {
            kept.AddRange(await w.QueryAsync<(long Id, string Status, string? Error)>(
                "SELECT id, status, error FROM whatsapp_orphan_statuses WHERE workspace_id = @WorkspaceId AND wamid = @wamid AND inbox_id = @inboxId",
                new { w.WorkspaceId, wamid, inboxId }, w.CancellationToken));
            await w.ExecuteAsync("DELETE FROM whatsapp_orphan_statuses WHERE workspace_id = @WorkspaceId AND wamid = @wamid AND inbox_id = @inboxId",
                new { w.WorkspaceId, wamid, inboxId }, w.CancellationToken);
        }
        foreach (var (_, status, error) in kept.OrderBy(k => k.Id))
            await ApplyAsync(w, inboxId, message, EnumText.Parse<DeliveryStatus>(status), error);
    }

    async Task ApplyAsync(WriteContext w, long inboxId, MessageRow message, DeliveryStatus to, string? error)
    {
        var from = message.Status;
        var contactId = await ConversationStore.ContactIdAsync(w.Connection, w.Transaction, w.WorkspaceId, message.ConversationId, w.CancellationToken)
            ?? throw new InvalidOperationException($"Message {message.Id} has no conversation.");
        if (await MessageStatusWriter.ApplyAsync(w, message, contactId, inboxId, to, error, Actor.System))
            WhatsAppLog.StatusApplied(logger, inboxId, message.Id, from, message.Status);
    }

    /// <summary>
    /// An outbound message of this inbox by its wamid, or by one of its parts' wamids. A part's callback counts once the
    /// whole message is recorded as sent: before that it is kept, so an early <c>sent</c> never ends the send half way.
    /// </summary>
    public static async Task<MessageRow?> FindAsync(WriteContext w, long inboxId, string wamid) =>
        await MessageStore.FindOutboundByExternalIdAsync(w, inboxId, wamid)
        ?? (await WhatsAppPartStore.MessageIdAsync(w, inboxId, wamid) is { } id && await MessageStore.FindAsync(w, id) is { ExternalId: not null } whole ? whole : null);

    static bool TryParse(string? status, out DeliveryStatus value)
    {
        value = status switch
        {
            "sent" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "read" => DeliveryStatus.Read,
            "failed" => DeliveryStatus.Failed,
            _ => DeliveryStatus.Sending,
        };
        return value != DeliveryStatus.Sending;
    }
}
