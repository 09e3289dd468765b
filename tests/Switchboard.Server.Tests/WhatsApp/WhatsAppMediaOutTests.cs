using System.Net;
using Switchboard.Core.Messages;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Attachments;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.WhatsApp;

namespace Switchboard.Server.Tests.WhatsApp;

/// <summary>Outbound WhatsApp media: an operator's files uploaded to the Graph API and sent as media messages.</summary>
public sealed class WhatsAppMediaOutTests
{
    [Theory, BothDatabases]
    public async Task OperatorsPdfAndImageGoOutAsDocumentAndImageMessagesAndTheirStatusesFindTheMessage(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db);
        await h.DeliverAsync(WhatsAppHarness.Fixture("inbound-text.json"));
        var conversationId = await h.CustomerConversationIdAsync();
        var (pdf, png) = (TestFiles.Pdf, TestFiles.Png(20, 10));
        await UploadAsync(h, conversationId, "op-pdf", "invoice.pdf", pdf);
        await UploadAsync(h, conversationId, "op-png", "photo.png", png);
        // The document goes out, the image's send fails once: the retry must not send the document again.
        h.Graph.AnswerWith(200, """{"messaging_product":"whatsapp","messages":[{"id":"wamid.PART1"}]}""");
        h.Graph.AnswerWith(503);
        h.Graph.NextWamids("wamid.PART2");
        var skip = h.Jobs.Outcomes.Count;

        var posted = await (await h.Workspace.Operator.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages",
            new { clientMessageId = "op-files", text = "Your invoice and the photo", attachmentIds = new[] { "op-pdf", "op-png" } }))
            .ReadAsync<PostMessageResponse>(HttpStatusCode.Created);
        var failed = await h.SendAttemptAsync(skip);
        Assert.Equal(JobState.Pending, failed.State);
        h.AdvanceToRetry(failed);
        Assert.Equal(JobState.Succeeded, (await h.SendAttemptAsync(skip + 1)).State);

        var uploads = h.Graph.Uploads;
        Assert.Equal(new[] { ("application/pdf", "invoice.pdf"), ("image/png", "photo.png") }, uploads.Select(u => (u.Type!, u.FileName!)));
        Assert.Equal(pdf, uploads[0].Bytes);
        Assert.Equal(MediaSamples.Looks(png), MediaSamples.Looks(uploads[1].Bytes));
        var sends = h.Graph.Requests.Where(r => r.Body.GetProperty("type").GetString() != "text").ToList();
        Assert.All(sends, r => Assert.Null(r.Problem));
        Assert.Equal(new[] { ("document", 200), ("image", 503), ("image", 200) }, sends.Select(r => (r.Body.GetProperty("type").GetString()!, r.AnsweredWith)));
        var document = sends[0].Body.GetProperty("document");
        Assert.Equal((uploads[0].MediaId, "invoice.pdf", "Your invoice and the photo"),
            (document.GetProperty("id").GetString(), document.GetProperty("filename").GetString(), document.GetProperty("caption").GetString()));
        var image = sends[2].Body.GetProperty("image");
        Assert.Equal(uploads[1].MediaId, image.GetProperty("id").GetString());
        Assert.False(image.TryGetProperty("caption", out _));

        var message = await h.MessageAsync(conversationId, posted.Message.Id);
        Assert.Equal(DeliveryStatus.Sent, message.Status);
        Assert.Equal(2, message.Attachments!.Count);
        var cursor = await h.App.CursorAsync(h.Workspace.Id);
        await h.DeliverAsync(WhatsAppHarness.Status("wamid.PART2", "delivered"));
        await h.DeliverAsync(WhatsAppHarness.Status("wamid.PART1", "read"));
        Assert.Equal(DeliveryStatus.Read, (await h.MessageAsync(conversationId, posted.Message.Id)).Status);
        Assert.Equal(new[] { "delivered", "read" }, await h.StatusEventsAsync(posted.Message.Id, cursor));
    }

    [Theory, BothDatabases]
    public async Task AudioTakesNoCaptionSoTheTextGoesFirstOnItsOwn(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db);
        await h.DeliverAsync(WhatsAppHarness.Fixture("inbound-text.json"));
        var conversationId = await h.CustomerConversationIdAsync();
        await UploadAsync(h, conversationId, "op-ogg", "note.ogg", MediaSamples.Ogg());
        var skip = h.Jobs.Outcomes.Count;

        await (await h.Workspace.Operator.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages",
            new { clientMessageId = "op-voice", text = "Listen to this", attachmentIds = new[] { "op-ogg" } })).ReadAsync<PostMessageResponse>(HttpStatusCode.Created);
        Assert.Equal(JobState.Succeeded, (await h.SendAttemptAsync(skip)).State);

        var sends = h.Graph.Requests.Where(r => r.Body.GetProperty("to").GetString() == WhatsAppHarness.CustomerWaId).ToList();
        Assert.All(sends, r => Assert.Null(r.Problem));
        Assert.Equal(new[] { "text", "audio" }, sends.Select(r => r.Body.GetProperty("type").GetString()));
        Assert.Equal("Listen to this", sends[0].Body.GetProperty("text").GetProperty("body").GetString());

        // A file follows the 24-hour window rule as text does: refused at the request, nothing sent.
        h.Clock.Advance(TimeSpan.FromHours(25));
        await UploadAsync(h, conversationId, "op-late", "late.pdf", TestFiles.Pdf);
        await (await h.Workspace.Operator.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages",
            new { clientMessageId = "op-late", text = "", attachmentIds = new[] { "op-late" } })).AssertProblemAsync(HttpStatusCode.Conflict, WhatsAppSendPolicy.WindowClosed);
        Assert.Equal(sends.Count, h.Graph.Requests.Count(r => r.Body.GetProperty("to").GetString() == WhatsAppHarness.CustomerWaId));
        Assert.Single(h.Graph.Uploads);
    }

    static async Task UploadAsync(WhatsAppHarness h, long conversationId, string clientAttachmentId, string name, byte[] bytes)
    {
        var response = await h.Workspace.Operator.PutAsync($"/api/v1/conversations/{conversationId}/attachments/{clientAttachmentId}?name={name}",
            new ByteArrayContent(bytes));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
