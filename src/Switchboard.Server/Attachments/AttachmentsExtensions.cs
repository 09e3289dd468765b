using Microsoft.Extensions.Options;
using Switchboard.Server.Jobs;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Attachments;

public static class AttachmentsExtensions
{
    public static WebApplicationBuilder AddAttachments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AttachmentOptions>().BindConfiguration("Attachments")
            .Validate(o => o.Store is null or "" or "file" or "database", "Attachments:Store must be file or database")
            .Validate(o => o.LinkLifetime > TimeSpan.Zero && o.LinkLifetime <= TimeSpan.FromDays(1), "Attachments:LinkLifetime must be above zero and at most a day")
            .Validate(o => o.OrphanAfter >= TimeSpan.FromMinutes(1), "Attachments:OrphanAfter must be at least a minute")
            // The database store is there so every node of a cluster shares the bytes, which only PostgreSQL can give.
            .Validate<IOptions<DatabaseOptions>>((o, db) => o.Store != "database" || db.Value.Provider == DatabaseProvider.Postgres,
                "Attachments:Store = database needs PostgreSQL; with SQLite blobs are files")
            .Validate(o => o.MaxImagePixels > 0 && o.ThumbnailSize is >= 16 and <= 2048, "Attachments:MaxImagePixels must be positive and ThumbnailSize 16 to 2048")
            .ValidateOnStart();
        builder.Services.AddSingleton<AttachmentPaths>();
        builder.Services.AddSingleton<IBlobStore>(sp =>
        {
            var database = sp.GetRequiredService<Database>();
            var store = sp.GetRequiredService<IOptions<AttachmentOptions>>().Value.Store;
            return store == "file" || database.Provider != DatabaseProvider.Postgres ? new FileBlobStore(sp.GetRequiredService<AttachmentPaths>()) : new DatabaseBlobStore(database);
        });
        builder.Services.AddSingleton<ImageProcessor>();
        builder.Services.AddSingleton<AttachmentLinkSigner>();
        builder.Services.AddSingleton<AttachmentService>();
        builder.Services.AddJobHandler<AttachmentCleanupHandler>();
        builder.Services.AddSingleton(sp => new PeriodicJob(AttachmentCleanupHandler.JobKind, AttachmentCleanupHandler.JobKind,
            sp.GetRequiredService<IOptions<AttachmentOptions>>().Value.CleanupInterval));
        return builder;
    }
}
