using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Attachments;
using Switchboard.Server.Jobs;
using Switchboard.Server.Storage;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Attachments;

/// <summary>Uploads no message took are deleted after their age, with the blobs nothing references any more.</summary>
public sealed class AttachmentCleanupTests
{
    [Theory, BothDatabases]
    public async Task TheCleanupDeletesUnsentUploadsAndTheirBlobsButKeepsWhatMessagesCarry(DatabaseKind db)
    {
        var clock = new ManualClock();
        await using var env = await AttachmentEnv.StartAsync(db, clock);
        var (ws, visitor) = (env.Workspace, env.Visitor);
        var sent = await visitor.Client.UploadAsync(visitor.ConversationId, "sent", TestFiles.Pdf, "kept.pdf");
        await visitor.Client.SendAsync(visitor.ConversationId, "", "sent");
        // The same bytes as the sent one: its row goes, the shared blob stays.
        var twin = await visitor.Client.UploadAsync(visitor.ConversationId, "twin", TestFiles.Pdf, "twin.pdf");
        var orphan = await visitor.Client.UploadAsync(visitor.ConversationId, "orphan", TestFiles.Png(64, 64), "orphan.png");
        var blobsBefore = await KeysAsync(env);
        Assert.Equal(3, blobsBefore.Count); // the PDF, the PNG and its thumbnail

        // Within the age nothing goes.
        clock.Advance(TimeSpan.FromHours(23));
        await CleanAsync(env);
        Assert.Equal(3, (await KeysAsync(env)).Count);
        var young = await visitor.Client.UploadAsync(visitor.ConversationId, "young", TestFiles.Text("young"), "young.txt");

        clock.Advance(TimeSpan.FromHours(2));
        await CleanAsync(env);
        var left = await env.App.Database.ReadAsync((c, tx) => c.QueryAsync<string>("SELECT client_attachment_id FROM attachments ORDER BY id", transaction: tx),
            CancellationToken.None);
        Assert.Equal(["sent", "young"], left);
        Assert.Equal(2, (await KeysAsync(env)).Count); // the PDF (still carried) and young's text
        // The orphan's bytes are gone from the store too, the sent file's are served.
        var blobs = env.App.Service<IBlobStore>();
        foreach (var gone in blobsBefore.Except(await KeysAsync(env))) Assert.Null(await blobs.OpenReadAsync(gone, CancellationToken.None));
        await (await visitor.Client.TryLinkAsync(visitor.ConversationId, orphan.Id)).AssertProblemAsync(HttpStatusCode.NotFound, AttachmentErrors.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await env.App.CreateClient().GetAsync((await visitor.Client.LinkAsync(visitor.ConversationId, sent.Id)).Url)).StatusCode);
        Assert.NotEqual(twin.Id, young.Id);
    }

    /// <summary>
    /// The bytes go before the registration does: while the cleanup deletes a blob's bytes, every other connection still
    /// sees the blob registered, so an upload of the same bytes cannot count on bytes about to vanish; one that comes
    /// after stores them again. (With the bytes deleted after the registration's commit, an upload of the same file in
    /// between found them in place, and then lost them under its new attachment.)
    /// </summary>
    [Theory, BothDatabases]
    public async Task ABlobsBytesGoBeforeItsRegistrationAndTheSameBytesUploadedAfterAreStoredAgain(DatabaseKind db)
    {
        var clock = new ManualClock();
        WatchingBlobStore? watching = null;
        // No periodic cleanup beside the test's own run.
        await using var env = await AttachmentEnv.StartAsync(db, clock, new() { ["Attachments:CleanupInterval"] = "00:00:00" }, services =>
        {
            var real = services.Last(d => d.ServiceType == typeof(IBlobStore)).ImplementationFactory!;
            services.AddSingleton<IBlobStore>(sp => watching = new WatchingBlobStore((IBlobStore)real(sp), sp.GetRequiredService<Database>()));
        });
        var visitor = env.Visitor;
        var bytes = TestFiles.Text("the same bytes, twice");
        await visitor.Client.UploadAsync(visitor.ConversationId, "first", bytes, "first.txt");
        var key = Assert.Single(await KeysAsync(env));

        clock.Advance(TimeSpan.FromHours(25));
        await CleanAsync(env);
        Assert.Equal([(key, true)], watching!.Deleted); // still registered for everyone else while its bytes went
        Assert.Empty(await KeysAsync(env));
        Assert.Null(await watching.OpenReadAsync(key, CancellationToken.None));

        var again = await visitor.Client.UploadAsync(visitor.ConversationId, "again", bytes, "again.txt");
        await visitor.Client.SendAsync(visitor.ConversationId, "", "again");
        Assert.Equal([key], await KeysAsync(env));
        var download = await env.App.CreateClient().GetAsync((await visitor.Client.LinkAsync(visitor.ConversationId, again.Id)).Url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The real store, noting for each delete whether another connection still saw the blob registered.</summary>
    sealed class WatchingBlobStore(IBlobStore inner, Database database) : IBlobStore
    {
        public List<(string Key, bool StillRegistered)> Deleted { get; } = [];

        public Task PutAsync(string key, string path, long size, CancellationToken cancellationToken) => inner.PutAsync(key, path, size, cancellationToken);

        public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

        public async Task DeleteAsync(string key, CancellationToken cancellationToken)
        {
            var registered = await database.ReadAsync((c, tx) => c.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM blobs WHERE sha256 = @key", new { key }, tx, cancellationToken: cancellationToken)), cancellationToken);
            Deleted.Add((key, registered == 1));
            await inner.DeleteAsync(key, cancellationToken);
        }
    }

    static Task CleanAsync(AttachmentEnv env) =>
        env.App.Services.GetServices<IJobHandler>().OfType<AttachmentCleanupHandler>().Single()
            .HandleAsync(new JobContext(0, AttachmentCleanupHandler.JobKind, null, "{}", 1, 1), CancellationToken.None);

    static async Task<IReadOnlyList<string>> KeysAsync(AttachmentEnv env) =>
        (await env.App.Database.ReadAsync((c, tx) => c.QueryAsync<string>("SELECT sha256 FROM blobs", transaction: tx), CancellationToken.None)).ToList();
}
