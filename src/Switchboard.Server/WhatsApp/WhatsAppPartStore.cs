using System.Data.Common;
using Dapper;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// SQL for <c>whatsapp_outbound_parts</c> (migration 0018): the Cloud API messages one team message with attachments
/// went out as, each with its uploaded media id and wamid once the Graph API gave them.
/// </summary>
public static class WhatsAppPartStore
{
    /// <summary>One part as recorded; <see cref="Wamid"/> null while it is uploaded but not sent.</summary>
    public sealed class Part
    {
        public long PartIndex { get; set; }
        public string? MediaId { get; set; }
        public string? Wamid { get; set; }
    }

    public static async Task<IReadOnlyDictionary<long, Part>> ListAsync(DbConnection c, DbTransaction? tx, long messageId, CancellationToken cancellationToken) =>
        (await c.QueryAsync<Part>(new CommandDefinition(
            "SELECT part AS PartIndex, media_id AS MediaId, wamid AS Wamid FROM whatsapp_outbound_parts WHERE message_id = @messageId",
            new { messageId }, tx, cancellationToken: cancellationToken))).ToDictionary(p => p.PartIndex);

    /// <summary>Records (or completes) one part; a second answer for the same part keeps the first wamid.</summary>
    public static Task SaveAsync(WriteContext w, long inboxId, long messageId, int index, long? attachmentId, string? mediaId, string? wamid) =>
        w.ExecuteAsync("""
            INSERT INTO whatsapp_outbound_parts (message_id, part, workspace_id, inbox_id, attachment_id, media_id, wamid, updated_at)
            VALUES (@messageId, @index, @WorkspaceId, @inboxId, @attachmentId, @mediaId, @wamid, @NowMs)
            ON CONFLICT (message_id, part) DO UPDATE SET media_id = COALESCE(excluded.media_id, whatsapp_outbound_parts.media_id),
                wamid = COALESCE(whatsapp_outbound_parts.wamid, excluded.wamid), updated_at = excluded.updated_at
            """, new { messageId, index, w.WorkspaceId, inboxId, attachmentId, mediaId, wamid, w.NowMs }, w.CancellationToken);

    /// <summary>The message one of whose parts has this wamid, in this inbox.</summary>
    public static Task<long?> MessageIdAsync(WriteContext w, long inboxId, string wamid) =>
        w.QuerySingleOrDefaultAsync<long?>(
            "SELECT message_id FROM whatsapp_outbound_parts WHERE workspace_id = @WorkspaceId AND inbox_id = @inboxId AND wamid = @wamid ORDER BY message_id LIMIT 1",
            new { w.WorkspaceId, inboxId, wamid }, w.CancellationToken);

    /// <summary>Every wamid the message's parts went out with.</summary>
    public static async Task<IReadOnlyList<string>> WamidsAsync(WriteContext w, long messageId) =>
        (await w.QueryAsync<string>("SELECT wamid FROM whatsapp_outbound_parts WHERE message_id = @messageId AND wamid IS NOT NULL ORDER BY part",
            new { messageId }, w.CancellationToken)).ToList();
}
