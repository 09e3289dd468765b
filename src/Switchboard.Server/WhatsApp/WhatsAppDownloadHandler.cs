using Microsoft.Extensions.Options;
using Switchboard.Server.Attachments;
using Switchboard.Server.Jobs;
using Switchboard.Server.Storage;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// Downloads the file of an inbound media message into its pending attachment (<see cref="AttachmentService.CompletePendingAsync"/>,
/// which makes it ready, or failed when the file is refused, with <c>attachment.updated</c>). A failure that may pass
/// (429, 5xx, no answer, a cut-off or corrupt transfer, a rejected token an admin can replace) fails the attempt, so the
/// job system retries it with its backoff; on the last attempt, or when retrying cannot help (the media id is unknown
/// or expired, the file is too large), the attachment is marked failed with <c>download_failed</c>, so the team sees
/// it: never silently dropped.
/// </summary>
public sealed class WhatsAppDownloadHandler(Database database, WhatsAppSecrets secrets, GraphMediaClient media, AttachmentService attachments,
    IOptions<WhatsAppOptions> options, ILogger<WhatsAppDownloadHandler> logger) : IJobHandler
{
    public const string JobKind = "whatsapp.download";
    /// <summary>The attachment's <c>error</c> when its download gave up.</summary>
    public const string DownloadFailed = "download_failed";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var (inboxId, messageId, attachmentId, mediaId) = job.Read<WhatsAppDownloadJob>();
        var workspaceId = job.WorkspaceId ?? throw new InvalidOperationException($"Job {job.Id} has no workspace.");
        var attachment = (await attachments.ListForMessageAsync(workspaceId, messageId, cancellationToken)).FirstOrDefault(a => a.Id == attachmentId);
        // Done or given up by an earlier attempt (or a redelivered webhook's job): nothing to do.
        if (attachment is not { Status: AttachmentStatus.Pending }) return;

        var inbox = await database.ReadAsync((c, tx) => WhatsAppInboxStore.FindAsync(c, tx, workspaceId, inboxId, cancellationToken), cancellationToken);
        if (inbox is null || !secrets.TryUnprotect(inbox.InboxId, inbox.AccessToken, out var accessToken))
        {
            await GiveUpAsync(workspaceId, inboxId, attachmentId, inbox is null ? "the inbox is gone" : "the access token cannot be decrypted", cancellationToken);
            return;
        }
        try
        {
            // Network time, not the job clock: a transfer that stalls this long is retried.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.MediaTimeout);
            await using var download = await media.DownloadAsync(inbox.GraphBaseUrl, mediaId, accessToken, timeout.Token);
            var stored = await attachments.CompletePendingAsync(workspaceId, attachmentId, download.Content, timeout.Token);
            WhatsAppLog.Downloaded(logger, inboxId, attachmentId, stored.Size, stored.Status);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Anything else (a database hiccup, a bug) is retried too, and on the last attempt still ends in a visible failure.
            var (reason, permanent) = ex switch
            {
                WhatsAppMediaException m => (m.Reason, m.Permanent),
                OperationCanceledException => ("timed out", false),
                _ => (ex.GetType().Name, false),
            };
            if (permanent)
            {
                await GiveUpAsync(workspaceId, inboxId, attachmentId, reason, cancellationToken);
                return;
            }
            if (job.Attempt >= job.MaxAttempts)
            {
                // The job goes dead (visible to admins) and the team sees the file failed instead of "downloading" forever.
                WhatsAppLog.DownloadGaveUp(logger, inboxId, attachmentId, job.Attempt, reason);
                await attachments.FailPendingAsync(workspaceId, attachmentId, DownloadFailed, cancellationToken);
            }
            else WhatsAppLog.DownloadRetry(logger, inboxId, attachmentId, job.Attempt, reason);
            throw new WhatsAppMediaException(reason, permanent: false);
        }
    }

    async Task GiveUpAsync(long workspaceId, long inboxId, long attachmentId, string reason, CancellationToken cancellationToken)
    {
        WhatsAppLog.DownloadRefused(logger, inboxId, attachmentId, reason);
        await attachments.FailPendingAsync(workspaceId, attachmentId, DownloadFailed, cancellationToken);
    }
}
