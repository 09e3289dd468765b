using System.Data.Common;
using Dapper;

namespace Switchboard.Server.WhatsApp;

/// <summary>SQL for WhatsApp inboxes.</summary>
public static class WhatsAppInboxStore
{
    public static Task<WhatsAppInboxRow?> FindAsync(DbConnection c, DbTransaction? tx, long inboxId, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<WhatsAppInboxRow>(new CommandDefinition(
            $"{WhatsAppInboxRow.Select} WHERE wi.inbox_id = @inboxId", new { inboxId }, tx, cancellationToken: cancellationToken));

    /// <summary>One inbox of a workspace, or null (also for another workspace's).</summary>
    public static async Task<WhatsAppInboxRow?> FindAsync(DbConnection c, DbTransaction? tx, long workspaceId, long inboxId, CancellationToken cancellationToken) =>
        await FindAsync(c, tx, inboxId, cancellationToken) is { } row && row.WorkspaceId == workspaceId ? row : null;

    public static async Task<IReadOnlyList<WhatsAppInboxRow>> ListAsync(DbConnection c, DbTransaction? tx, long workspaceId, CancellationToken cancellationToken) =>
        (await c.QueryAsync<WhatsAppInboxRow>(new CommandDefinition(
            $"{WhatsAppInboxRow.Select} WHERE wi.workspace_id = @workspaceId ORDER BY wi.inbox_id", new { workspaceId }, tx,
            cancellationToken: cancellationToken))).ToList();

    public static Task<bool> PhoneNumberTakenAsync(DbConnection c, DbTransaction tx, string phoneNumberId, long exceptInboxId, CancellationToken cancellationToken) =>
        c.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT COUNT(*) > 0 FROM whatsapp_inboxes WHERE phone_number_id = @phoneNumberId AND inbox_id <> @exceptInboxId",
            new { phoneNumberId, exceptInboxId }, tx, cancellationToken: cancellationToken));
}
