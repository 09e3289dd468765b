using System.Net;
using System.Text.Json;
using Switchboard.Core;
using Switchboard.Server.Attachments;
using Switchboard.Server.EventLog;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Attachments;

/// <summary>The core path: upload, send with a message, read it back (page, event), fetch it through a signed link.</summary>
public sealed class AttachmentFlowTests
{
    [Theory, BothDatabases]
    public async Task AnUploadSentWithAMessageComesBackInThePageTheEventsAndThroughItsLink(DatabaseKind db)
    {
        await using var env = await AttachmentEnv.StartAsync(db);
        var (ws, visitor) = (env.Workspace, env.Visitor);
        using var watcher = new EventWatcher(env.App, ws.Id);

        // The declared type is ignored: the bytes say PDF.
        var uploaded = await visitor.Client.UploadAsync(visitor.ConversationId, "a-1", TestFiles.Pdf, "receipt.pdf", "image/png");
        Assert.Equal(("a-1", "receipt.pdf", "application/pdf", (long)TestFiles.Pdf.Length, "ready", false),
            (uploaded.ClientAttachmentId, uploaded.FileName, uploaded.ContentType, uploaded.Size, uploaded.Status, uploaded.HasThumbnail));

        // A message of a file alone has no text.
        var sent = await visitor.Client.SendAsync(visitor.ConversationId, "", "a-1");
        Assert.Equal("", sent.Message.Text);
        Assert.Equal(uploaded.Id, Assert.Single(sent.Message.Attachments!).Id);

        var created = await watcher.WaitAsync(e => e.Type == "message.created" && e.Seq == sent.Seq);
        Assert.Equal("receipt.pdf", created.Data.GetProperty("message").GetProperty("attachments")[0].GetProperty("fileName").GetString());
        var stored = (await LoggedEvents.AfterAsync(env.App, ws.Id, sent.Seq - 1)).Single(e => e.Seq == sent.Seq);
        Assert.Equal(uploaded.Id, stored.PublicPayload!.Value.GetProperty("data").GetProperty("message").GetProperty("attachments")[0].GetProperty("id").GetInt64());

        // A receipt's message.status carries the whole message, files included (clients replace their copy by version).
        (await ws.Operator.PostJsonAsync($"/api/v1/conversations/{visitor.ConversationId}/receipts", new { status = "read", upToMessageId = sent.Message.Id }))
            .EnsureSuccessStatusCode();
        var status = await watcher.WaitAsync(e => e.Type == "message.status" && e.Data.GetProperty("message").GetProperty("id").GetInt64() == sent.Message.Id);
        Assert.Equal(uploaded.Id, status.Data.GetProperty("message").GetProperty("attachments")[0].GetProperty("id").GetInt64());

        // Both sides read it back with the page; a message without files leaves the field out.
        await visitor.SayAsync("and some text");
        foreach (var client in new[] { visitor.Client, ws.Operator })
        {
            var json = await (await client.GetAsync($"/api/v1/conversations/{visitor.ConversationId}/messages")).Content.ReadAsStringAsync();
            using var page = JsonDocument.Parse(json);
            var items = page.RootElement.GetProperty("items");
            Assert.Equal(uploaded.Id, items[0].GetProperty("attachments")[0].GetProperty("id").GetInt64());
            Assert.False(items[1].TryGetProperty("attachments", out _));
        }

        // The operator opens it through a signed link; the bytes are what was uploaded.
        var link = await ws.Operator.LinkAsync(visitor.ConversationId, uploaded.Id);
        Assert.Null(link.ThumbnailUrl);
        Assert.StartsWith($"/api/v1/attachments/{uploaded.Id}/content?v=original&exp=", link.Url, StringComparison.Ordinal);
        using var anonymous = env.App.CreateClient();
        var content = await anonymous.GetAsync(link.Url);
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal(TestFiles.Pdf, await content.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", content.Content.Headers.ContentType!.MediaType);

        // The same upload cannot go out twice, and a message cannot take what was never uploaded.
        await (await visitor.Client.TrySendAsync(visitor.ConversationId, "again", ["a-1"])).AssertProblemAsync(HttpStatusCode.Conflict, AttachmentErrors.AlreadySent);
        await (await visitor.Client.TrySendAsync(visitor.ConversationId, "ghost", ["never"])).AssertProblemAsync(HttpStatusCode.Conflict, AttachmentErrors.NotUploaded);
        // A retried send replays with its attachments.
        var retried = await (await visitor.Client.TrySendAsync(visitor.ConversationId, "", ["a-1"], clientMessageId: sent.Message.ClientMessageId))
            .ReadAsync<PostMessageResponse>(HttpStatusCode.OK);
        Assert.Equal(uploaded.Id, Assert.Single(retried.Message.Attachments!).Id);
    }

    [Theory, BothDatabases]
    public async Task ContentIsServedInertWithItsHeaders(DatabaseKind db)
    {
        await using var env = await AttachmentEnv.StartAsync(db);
        var (ws, visitor) = (env.Workspace, env.Visitor);
        var pdf = await ws.Operator.UploadAsync(visitor.ConversationId, "doc", TestFiles.Pdf, "Rechnung März.pdf");
        var png = await ws.Operator.UploadAsync(visitor.ConversationId, "pic", TestFiles.Png(40, 30), "pic.png", "image/png");
        using var anonymous = env.App.CreateClient();

        var download = await anonymous.GetAsync((await ws.Operator.LinkAsync(visitor.ConversationId, pdf.Id)).Url);
        Assert.Equal("attachment; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf", download.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("default-src 'none'; sandbox", download.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("cross-origin", download.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        Assert.Equal("no-referrer", download.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(download.Headers.CacheControl!.Private);
        Assert.InRange(download.Headers.CacheControl.MaxAge!.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

        var links = await ws.Operator.LinkAsync(visitor.ConversationId, png.Id);
        var image = await anonymous.GetAsync(links.Url);
        Assert.Equal("inline; filename*=UTF-8''pic.png", image.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        var thumbnail = await anonymous.GetAsync(links.ThumbnailUrl!);
        Assert.StartsWith("inline;", thumbnail.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OnPostgreSqlTheFileStoreCanBeChosenAndOnSqliteTheDatabaseStoreIsRefused()
    {
        await using (var env = await AttachmentEnv.StartAsync(DatabaseKind.Postgres, extra: new() { ["Attachments:Store"] = "file" }))
        {
            var uploaded = await env.Visitor.Client.UploadAsync(env.Visitor.ConversationId, "f", TestFiles.Pdf, "f.pdf");
            Assert.Single(Directory.GetFiles(Path.Combine(env.Folder, "blobs"), "*", SearchOption.AllDirectories));
            var link = await env.Visitor.Client.LinkAsync(env.Visitor.ConversationId, uploaded.Id);
            Assert.Equal(TestFiles.Pdf, await env.App.CreateClient().GetByteArrayAsync(link.Url));
        }
        // A SQLite server has one node: its blobs are files, and asking for the database store is a configuration error.
        await Assert.ThrowsAnyAsync<Exception>(() => AttachmentEnv.StartAsync(DatabaseKind.Sqlite, extra: new() { ["Attachments:Store"] = "database" }));
    }

    /// <summary>
    /// On a cluster another node can change an upload between the send's read of it and its link: its cleanup deletes an
    /// old one, or another message takes it. The send then fails with the error it would have got a moment later,
    /// instead of being stored (and shown live) with a file nothing keeps. Simulated inside the send's own transaction,
    /// since one node's write lane never lets it happen.
    /// </summary>
    [Theory, BothDatabases]
    public async Task AnUploadDeletedOrTakenAfterTheSendReadItFailsTheSendInsteadOfVanishingFromIt(DatabaseKind db)
    {
        await using var env = await AttachmentEnv.StartAsync(db);
        var (ws, visitor) = (env.Workspace, env.Visitor);
        var other = (await visitor.Client.SendAsync(visitor.ConversationId, "an earlier message")).Message.Id;
        await visitor.Client.UploadAsync(visitor.ConversationId, "deleted", TestFiles.Text("one"), "one.txt");
        await visitor.Client.UploadAsync(visitor.ConversationId, "taken", TestFiles.Text("two"), "two.txt");
        var writer = env.App.Service<EventLogWriter>();

        Task<DomainException> LinkAfter(string id, string meanwhile) => Assert.ThrowsAsync<DomainException>(() => writer.WriteAsync(ws.Id, async w =>
        {
            var rows = await MessageAttachments.TakeAsync(w, visitor.ConversationId, [id], null);
            await w.ExecuteAsync(meanwhile, new { id, other }, w.CancellationToken);
            await MessageAttachments.LinkAsync(w, other, rows);
            return 0;
        }, CancellationToken.None));

        Assert.Equal(AttachmentErrors.NotUploaded,
            (await LinkAfter("deleted", "DELETE FROM attachments WHERE client_attachment_id = @id")).Code);
        Assert.Equal(AttachmentErrors.AlreadySent,
            (await LinkAfter("taken", "UPDATE attachments SET message_id = @other WHERE client_attachment_id = @id")).Code);
        // Both writes rolled back: the uploads are as they were, and one sends normally.
        var sent = await visitor.Client.SendAsync(visitor.ConversationId, "", "deleted", "taken");
        Assert.Equal(["deleted", "taken"], sent.Message.Attachments!.Select(a => a.ClientAttachmentId));
    }
}
