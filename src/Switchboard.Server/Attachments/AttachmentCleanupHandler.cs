using Microsoft.Extensions.Options;
using Switchboard.Server.Jobs;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Attachments;

/// <summary>
/// Periodic: deletes uploads no message took within <see cref="AttachmentOptions.OrphanAfter"/>, then the blobs no
/// attachment references any more (and untouched as long), then temp files an interrupted process left behind.
/// Idempotent: each step finds only what is still to do.
/// </summary>
public sealed class AttachmentCleanupHandler(Database database, IBlobStore blobs, AttachmentPaths paths, IOptions<AttachmentOptions> options, TimeProvider clock,
    ILogger<AttachmentCleanupHandler> logger) : IJobHandler
{
    public const string JobKind = "attachments.cleanup";
    const int Batch = 500;

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var before = (clock.GetUtcNow() - options.Value.OrphanAfter).ToUnixTimeMilliseconds();
        var attachments = 0;
        IReadOnlyList<AttachmentRow> unsent;
        do
        {
            unsent = await database.ReadAsync((c, tx) => AttachmentStore.UnsentBeforeAsync(c, tx, before, Batch, cancellationToken), cancellationToken);
            // Per row, in its workspace's lane: a message taking it at this moment either wins (then it is not deleted) or loses.
            foreach (var row in unsent)
                attachments += await database.WriteTransactionAsync(row.WorkspaceId, (c, tx) => AttachmentStore.DeleteUnsentAsync(c, tx, row.Id, cancellationToken), cancellationToken);
        } while (unsent.Count == Batch);

        var blobCount = 0;
        IReadOnlyList<string> unreferenced;
        do
        {
            unreferenced = await database.ReadAsync((c, tx) => AttachmentStore.UnreferencedBlobsAsync(c, tx, before, Batch, cancellationToken), cancellationToken);
            foreach (var key in unreferenced)
            {
                if (!await database.WriteGlobalAsync((c, tx) => AttachmentStore.ForgetBlobAsync(c, tx, key, before, cancellationToken), cancellationToken)) continue;
                await blobs.DeleteAsync(key, cancellationToken);
                blobCount++;
            }
        } while (unreferenced.Count == Batch);

        DeleteStaleTempFiles();
        if (attachments + blobCount > 0) AttachmentsLog.Cleaned(logger, attachments, blobCount);
    }

    void DeleteStaleTempFiles()
    {
        if (!Directory.Exists(paths.Temp)) return;
        // An upload takes minutes at most; a day-old temp file belongs to a process that died mid-upload. File times are
        // the operating system's clock, so they are compared with it, not with the injected one (a test's clock is years
        // ahead and would take every upload in flight for a stale one).
        var stale = DateTime.UtcNow - TimeSpan.FromDays(1);
        foreach (var file in Directory.EnumerateFiles(paths.Temp))
            if (File.GetLastWriteTimeUtc(file) < stale) SpooledUpload.TryDelete(file);
    }
}
