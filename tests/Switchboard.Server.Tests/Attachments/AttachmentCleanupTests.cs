using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Attachments;
using Switchboard.Server.Jobs;
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

    static Task CleanAsync(AttachmentEnv env) =>
        env.App.Services.GetServices<IJobHandler>().OfType<AttachmentCleanupHandler>().Single()
            .HandleAsync(new JobContext(0, AttachmentCleanupHandler.JobKind, null, "{}", 1, 1), CancellationToken.None);

    static async Task<IReadOnlyList<string>> KeysAsync(AttachmentEnv env) =>
        (await env.App.Database.ReadAsync((c, tx) => c.QueryAsync<string>("SELECT sha256 FROM blobs", transaction: tx), CancellationToken.None)).ToList();
}
