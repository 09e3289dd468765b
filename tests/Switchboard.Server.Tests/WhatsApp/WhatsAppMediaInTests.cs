using System.Net;
using Dapper;
using Switchboard.Core.Messages;
using Switchboard.Server.Attachments;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Attachments;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.WhatsApp;

namespace Switchboard.Server.Tests.WhatsApp;

/// <summary>Inbound WhatsApp media: downloaded from the Graph API into attachments, retried, failed visibly, never twice.</summary>
public sealed class WhatsAppMediaInTests
{
    const string ImageId = "1479537139650973";
    const string DocumentId = "2233445566";

    [Theory, BothDatabases]
    public async Task InboundImageAndDocumentBecomeReadyAttachmentsWhoseBytesDownloadThroughTheLink(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db);
        var (jpeg, pdf) = (TestFiles.Jpeg(40, 30), TestFiles.Pdf);
        h.Graph.AddMedia(ImageId, jpeg, "image/jpeg");
        h.Graph.AddMedia(DocumentId, pdf, "application/pdf");
        var skip = h.Jobs.Outcomes.Count;

        await h.DeliverAsync(WhatsAppHarness.Notification(
            WhatsAppHarness.Message("wamid.IMG", "image", $$"""{"caption":"This one, in blue?","mime_type":"image/jpeg","id":"{{ImageId}}"}"""),
            WhatsAppHarness.Message("wamid.DOC", "document", $$"""{"filename":"receipt.pdf","mime_type":"application/pdf","id":"{{DocumentId}}"}""")));
        var first = await DownloadAsync(h, skip, JobState.Succeeded);
        await DownloadAsync(h, After(h, first), JobState.Succeeded);

        var conversationId = await h.CustomerConversationIdAsync();
        var (image, document) = (await MessageAsync(h, conversationId, "wamid.IMG"), await MessageAsync(h, conversationId, "wamid.DOC"));
        Assert.Equal(("This one, in blue?", "image"), (image.Text, image.Kind));
        Assert.Equal(("", "document"), (document.Text, document.Kind));
        var picture = Assert.Single(image.Attachments!);
        Assert.Equal(("image.jpg", "image/jpeg", 40, 30, "ready", (string?)null), (picture.FileName, picture.ContentType, picture.Width, picture.Height, picture.Status, picture.Error));
        var receipt = Assert.Single(document.Attachments!);
        Assert.Equal(("receipt.pdf", "application/pdf", (long)pdf.Length, "ready"), (receipt.FileName, receipt.ContentType, receipt.Size, receipt.Status));
        Assert.Equal(pdf, await ContentAsync(h, conversationId, receipt.Id));
        Assert.Equal(MediaSamples.Looks(jpeg), MediaSamples.Looks(await ContentAsync(h, conversationId, picture.Id)));
        Assert.All(h.Graph.Requests, r => Assert.Null(r.Problem));

        // The pending attachment came in message.created, the finished one in attachment.updated.
        var events = await h.App.EventsAsync(h.Workspace.Id);
        var created = events.Single(e => e.Type == "message.created" && e.Data.GetProperty("message").GetProperty("clientMessageId").GetString() == "wamid.DOC");
        Assert.Equal("pending", created.Data.GetProperty("message").GetProperty("attachments")[0].GetProperty("status").GetString());
        var updated = events.Where(e => e.Type == "attachment.updated").Select(e => e.Data.GetProperty("attachment")).ToList();
        Assert.Equal(new[] { "ready", "ready" }, updated.Select(a => a.GetProperty("status").GetString()));
    }

    [Theory, BothDatabases]
    public async Task DownloadRefusedTwiceIsRetriedAndStoredOnceAndRedeliveryDuplicatesNothing(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db);
        var pdf = TestFiles.Pdf;
        h.Graph.AddMedia(DocumentId, pdf, "application/pdf", refusals: 2, refuseWith: 503);
        var skip = h.Jobs.Outcomes.Count;
        var webhook = WhatsAppHarness.Notification(
            WhatsAppHarness.Message("wamid.DOC", "document", $$"""{"caption":"My receipt","filename":"receipt.pdf","mime_type":"application/pdf","id":"{{DocumentId}}"}"""));

        await h.DeliverAsync(webhook);
        var conversationId = await h.CustomerConversationIdAsync();
        var first = await DownloadAsync(h, skip, JobState.Pending);
        Assert.Equal("pending", Assert.Single((await MessageAsync(h, conversationId, "wamid.DOC")).Attachments!).Status);
        await h.DeliverAsync(webhook); // Meta redelivers while the download waits for its retry
        h.AdvanceToRetry(first);
        h.AdvanceToRetry(await DownloadAsync(h, skip, JobState.Pending, attempt: 2));
        await DownloadAsync(h, skip, JobState.Succeeded, attempt: 3);
        await h.DeliverAsync(webhook); // and once more after it is done

        var message = await MessageAsync(h, conversationId, "wamid.DOC");
        Assert.Equal("My receipt", message.Text);
        var attachment = Assert.Single(message.Attachments!);
        Assert.Equal("ready", attachment.Status);
        Assert.Equal(pdf, await ContentAsync(h, conversationId, attachment.Id));
        Assert.Equal(3, h.Graph.MediaFetches.Count);
        var counts = await h.App.Database.ReadAsync(async (c, tx) => (
            Messages: await c.QuerySingleAsync<long>("SELECT COUNT(*) FROM messages WHERE client_message_id = 'wamid.DOC'", transaction: tx),
            Attachments: await c.QuerySingleAsync<long>("SELECT COUNT(*) FROM attachments", transaction: tx),
            Jobs: await c.QuerySingleAsync<long>("SELECT COUNT(*) FROM jobs WHERE kind = @kind", new { kind = WhatsAppDownloadHandler.JobKind }, tx)),
            CancellationToken.None);
        Assert.Equal((1L, 1L, 1L), counts);
    }

    [Theory, BothDatabases]
    public async Task DownloadThatNeverWorksEndsFailedAndVisibleInItsMessage(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db, new() { ["WhatsApp:MediaMaxAttempts"] = "2" });
        h.Graph.AddMedia(ImageId, TestFiles.Jpeg(8, 8), "image/jpeg", refusals: -1);
        var skip = h.Jobs.Outcomes.Count;

        await h.DeliverAsync(WhatsAppHarness.Notification(
            WhatsAppHarness.Message("wamid.IMG", "image", $$"""{"mime_type":"image/jpeg","id":"{{ImageId}}"}""")));
        h.AdvanceToRetry(await DownloadAsync(h, skip, JobState.Pending));
        await DownloadAsync(h, skip, JobState.Dead, attempt: 2);

        var conversationId = await h.CustomerConversationIdAsync();
        var message = await MessageAsync(h, conversationId, "wamid.IMG");
        var attachment = Assert.Single(message.Attachments!);
        Assert.Equal(("image.jpg", "failed", WhatsAppDownloadHandler.DownloadFailed), (attachment.FileName, attachment.Status, attachment.Error));
        var updated = (await h.App.EventsAsync(h.Workspace.Id)).Single(e => e.Type == "attachment.updated");
        Assert.Equal(message.Id, updated.Data.GetProperty("messageId").GetInt64());
        Assert.Equal("failed", updated.Data.GetProperty("attachment").GetProperty("status").GetString());
    }

    [Theory, BothDatabases]
    public async Task AnAttachmentADeadJobLeftPendingIsFailedByTheCleanup(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db, new() { ["WhatsApp:MediaMaxAttempts"] = "1" });
        h.Graph.AddMedia(DocumentId, TestFiles.Pdf, "application/pdf", refusals: -1);
        var skip = h.Jobs.Outcomes.Count;
        await h.DeliverAsync(WhatsAppHarness.Notification(
            WhatsAppHarness.Message("wamid.DOC", "document", $$"""{"filename":"receipt.pdf","mime_type":"application/pdf","id":"{{DocumentId}}"}""")));
        await DownloadAsync(h, skip, JobState.Dead);
        // As if the worker had died during that last attempt: the job is dead, the attachment still pending.
        await h.App.Database.WriteGlobalAsync((c, tx) => c.ExecuteAsync("UPDATE attachments SET status = 'pending', error = NULL", transaction: tx),
            CancellationToken.None);

        var cleanup = h.App.Service<IEnumerable<IJobHandler>>().OfType<WhatsAppCleanupHandler>().Single();
        await cleanup.HandleAsync(new JobContext(0, WhatsAppCleanupHandler.JobKind, null, "{}", 1, 1), CancellationToken.None);
        await cleanup.HandleAsync(new JobContext(0, WhatsAppCleanupHandler.JobKind, null, "{}", 1, 1), CancellationToken.None);

        var attachment = Assert.Single((await MessageAsync(h, await h.CustomerConversationIdAsync(), "wamid.DOC")).Attachments!);
        Assert.Equal(("failed", WhatsAppDownloadHandler.DownloadFailed), (attachment.Status, attachment.Error));
        Assert.Equal(2, (await h.App.EventsAsync(h.Workspace.Id)).Count(e => e.Type == "attachment.updated")); // the job's, and the cleanup's once
    }

    [Theory, BothDatabases]
    public async Task MediaMetaNoLongerHasFailsAtOnceWithoutRetrying(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db);
        var skip = h.Jobs.Outcomes.Count;

        // Not registered with the fake: the lookup answers 400, as Meta does for an unknown or expired media id.
        await h.DeliverAsync(WhatsAppHarness.Notification(
            WhatsAppHarness.Message("wamid.OLD", "video", """{"caption":"From last year","mime_type":"video/mp4","id":"5550001"}""")));
        await DownloadAsync(h, skip, JobState.Succeeded);

        var message = await MessageAsync(h, await h.CustomerConversationIdAsync(), "wamid.OLD");
        Assert.Equal("From last year", message.Text);
        var attachment = Assert.Single(message.Attachments!);
        Assert.Equal(("video.mp4", "failed", WhatsAppDownloadHandler.DownloadFailed), (attachment.FileName, attachment.Status, attachment.Error));
        Assert.Empty(h.Graph.MediaFetches);
    }

    static async Task<JobOutcome> DownloadAsync(WhatsAppHarness h, int skip, JobState expected, int attempt = 1)
    {
        var outcome = await h.Jobs.WaitAsync(o => o.Kind == WhatsAppDownloadHandler.JobKind && o.Attempt == attempt, skip: skip);
        Assert.True(outcome.State == expected, $"The download attempt {attempt} ended {outcome.State}: {outcome.Error}");
        return outcome;
    }

    /// <summary>The skip that waits past <paramref name="outcome"/>.</summary>
    static int After(WhatsAppHarness h, JobOutcome outcome) =>
        h.Jobs.Outcomes.ToList().FindIndex(o => o.JobId == outcome.JobId && o.Attempt == outcome.Attempt) + 1;

    static async Task<MessageResponse> MessageAsync(WhatsAppHarness h, long conversationId, string clientMessageId) =>
        (await h.Workspace.Operator.GetAsync<MessagePageResponse>($"/api/v1/conversations/{conversationId}/messages?limit=200"))
        .Items.Single(m => m.ClientMessageId == clientMessageId);

    /// <summary>The attachment's bytes through its signed link, as a browser would fetch them (anonymously).</summary>
    static async Task<byte[]> ContentAsync(WhatsAppHarness h, long conversationId, long attachmentId)
    {
        var link = await h.Workspace.Operator.GetAsync<AttachmentLinkResponse>($"/api/v1/conversations/{conversationId}/attachments/{attachmentId}/link");
        var response = await h.App.CreateClient().GetAsync(link.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
