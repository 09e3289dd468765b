using System.Data.Common;
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
                if (await database.WriteGlobalAsync((c, tx) => ForgetAndDeleteAsync(c, tx, key, before, cancellationToken), cancellationToken)) blobCount++;
        } while (unreferenced.Count == Batch);

        DeleteStaleTempFiles();
        if (attachments + blobCount > 0) AttachmentsLog.Cleaned(logger, attachments, blobCount);
    }

    /// <summary>
    /// Forgets the blob and deletes its bytes in one global write, before it commits. An upload registers its blob in
    /// the same lane and stores the bytes only after that, so it either renews the registration first (and nothing is
    /// forgotten) or comes after the bytes are gone and stores its own. Deleted after the commit instead, a file an
    /// upload of the same bytes had just found in place could vanish under its new attachment, and a crash in between
    /// would leave a file nothing registers. Should the commit fail, the row stays without bytes: nothing references
    /// it, the next upload of those bytes stores them again, and the next run forgets it.
    /// </summary>
    async Task<bool> ForgetAndDeleteAsync(DbConnection c, DbTransaction tx, string key, long before, CancellationToken cancellationToken)
    {
        if (!await AttachmentStore.ForgetBlobAsync(c, tx, key, before, cancellationToken)) return false;
        await blobs.DeleteAsync(key, cancellationToken);
        return true;
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
