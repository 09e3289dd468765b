using Dapper;
using Microsoft.Extensions.Options;
using Switchboard.Server.Attachments;
using Switchboard.Server.Common;
using Switchboard.Server.Jobs;
using Switchboard.Server.Storage;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// Periodic: deletes processed webhook payloads, and status callbacks whose message never turned up, after their
/// retention; and settles as failed the attachments a dead download job left pending.
/// </summary>
public sealed class WhatsAppCleanupHandler(Database database, AttachmentService attachments, IOptions<WhatsAppOptions> options, TimeProvider clock,
    ILogger<WhatsAppCleanupHandler> logger) : IJobHandler
{
    public const string JobKind = "whatsapp.cleanup";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var before = (clock.GetUtcNow() - options.Value.PayloadRetention).ToUnixTimeMilliseconds();
        var (webhooks, statuses) = await database.WriteGlobalAsync(async (c, tx) => (
            await c.ExecuteAsync(new CommandDefinition(
                "DELETE FROM whatsapp_webhooks WHERE received_at < @before AND processed_at IS NOT NULL", new { before }, tx, cancellationToken: cancellationToken)),
            await c.ExecuteAsync(new CommandDefinition(
                "DELETE FROM whatsapp_orphan_statuses WHERE received_at < @before", new { before }, tx, cancellationToken: cancellationToken))),
            cancellationToken);
        if (webhooks + statuses > 0) WhatsAppLog.CleanedUp(logger, webhooks, statuses);
        await FailStrandedAsync(cancellationToken);
    }

    /// <summary>
    /// A download job normally marks its attachment failed on its last attempt. One whose worker died during that attempt
    /// is dead-lettered without running again, leaving the attachment "downloading" forever: it is failed here instead,
    /// so no file is silently dropped. (The job's dedupe key names its attachment.)
    /// </summary>
    async Task FailStrandedAsync(CancellationToken cancellationToken)
    {
        var stranded = (await database.ReadAsync((c, tx) => c.QueryAsync<(long WorkspaceId, long AttachmentId)>(new CommandDefinition("""
            SELECT a.workspace_id, a.id FROM attachments a JOIN jobs j ON j.dedupe_key = @prefix || CAST(a.id AS TEXT)
            WHERE a.status = @pending AND j.kind = @kind AND j.state = @dead
            """, new
            {
                prefix = WhatsAppDownloadHandler.JobKind + ":",
                pending = AttachmentStatus.Pending,
                kind = WhatsAppDownloadHandler.JobKind,
                dead = EnumText.ToText(JobState.Dead),
            }, tx, cancellationToken: cancellationToken)), cancellationToken)).ToList();
        foreach (var (workspaceId, attachmentId) in stranded)
            await attachments.FailPendingAsync(workspaceId, attachmentId, WhatsAppDownloadHandler.DownloadFailed, cancellationToken);
        if (stranded.Count > 0) WhatsAppLog.StrandedFailed(logger, stranded.Count);
    }
}
