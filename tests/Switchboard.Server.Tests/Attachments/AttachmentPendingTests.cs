using System.Net;
using System.Text.Json;
using Switchboard.Core.Messages;
using Switchboard.Server.Attachments;
using Switchboard.Server.EventLog;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Attachments;

/// <summary>The channels' side (WhatsApp): a pending attachment a message carries at once, filled or failed later with attachment.updated.</summary>
public sealed class AttachmentPendingTests
{
    static readonly Author Customer = new(SenderRole.Customer, null, null, null, Actor.System);

    [Theory, BothDatabases]
    public async Task APendingAttachmentIsFilledOrFailedAndEachChangeIsAnEventScopedAsItsMessage(DatabaseKind db)
    {
        await using var env = await AttachmentEnv.StartAsync(db);
        var (ws, visitor) = (env.Workspace, env.Visitor);
        var service = env.App.Service<AttachmentService>();
        var messages = env.App.Service<MessageService>();
        using var watcher = new EventWatcher(env.App, ws.Id);

        var pending = await service.CreatePendingAsync(ws.Id, visitor.ConversationId, "wa-media-1", "photo.jpg", "image/jpeg", CancellationToken.None);
        Assert.Equal((AttachmentStatus.Pending, "image/jpeg"), (pending.Status, pending.ContentType));
        // A webhook delivered twice gets the same placeholder.
        Assert.Equal(pending.Id, (await service.CreatePendingAsync(ws.Id, visitor.ConversationId, "wa-media-1", "photo.jpg", "image/jpeg", CancellationToken.None)).Id);
        var doc = await service.CreatePendingAsync(ws.Id, visitor.ConversationId, "wa-media-2", "contract.pdf", null, CancellationToken.None);
        var posted = await messages.PostAsync(new MessagePost(ws.Id, Customer with { ContactId = visitor.Session.ContactId }, visitor.ConversationId,
            new PostMessageRequest("wa-msg-1", "", null, null, AttachmentIds: ["wa-media-1", "wa-media-2"])), CancellationToken.None);
        Assert.Equal([AttachmentStatus.Pending, AttachmentStatus.Pending], posted.Message.Attachments!.Select(a => a.Status));

        // The download arrives: sniffed, processed, announced to the team and the visitor.
        var ready = await service.CompletePendingAsync(ws.Id, pending.Id, new MemoryStream(TestFiles.Jpeg(40, 20)), CancellationToken.None);
        Assert.Equal((AttachmentStatus.Ready, 40, 20, true), (ready.Status, ready.Width, ready.Height, ready.HasThumbnail));
        var updated = await watcher.WaitAsync(e => e.Type == "attachment.updated" && e.Data.GetProperty("attachment").GetProperty("id").GetInt64() == pending.Id);
        Assert.Equal(posted.Message.Id, updated.Data.GetProperty("messageId").GetInt64());
        Assert.Equal("ready", updated.Data.GetProperty("attachment").GetProperty("status").GetString());
        var stored = (await LoggedEvents.AfterAsync(env.App, ws.Id, updated.Seq - 1)).Single(e => e.Seq == updated.Seq);
        Assert.NotNull(stored.PublicPayload);
        await using (var bytes = await service.OpenReadAsync(ws.Id, pending.Id, CancellationToken.None))
            Assert.True(bytes.ReadByte() == 0xFF);
        // A retried download job changes nothing more.
        Assert.Equal(ready.UpdatedAt, (await service.CompletePendingAsync(ws.Id, pending.Id, new MemoryStream([1, 2, 3]), CancellationToken.None)).UpdatedAt);

        // A refused file fails it with the code; giving up fails it with the reason.
        var refused = await service.CompletePendingAsync(ws.Id, doc.Id, new MemoryStream(TestFiles.Text("<html><script></script></html>")), CancellationToken.None);
        Assert.Equal((AttachmentStatus.Failed, AttachmentErrors.TypeNotAllowed), (refused.Status, refused.Error));
        var third = await service.CreatePendingAsync(ws.Id, visitor.ConversationId, "wa-media-3", "voice.ogg", "audio/ogg", CancellationToken.None);
        var failed = await service.FailPendingAsync(ws.Id, third.Id, "download_failed", CancellationToken.None);
        Assert.Equal((AttachmentStatus.Failed, "download_failed"), (failed.Status, failed.Error));
        var all = await service.ListForMessageAsync(ws.Id, posted.Message.Id, CancellationToken.None);
        Assert.Equal(["wa-media-1", "wa-media-2"], all.Select(a => a.ClientAttachmentId));
        await (await visitor.Client.TryLinkAsync(visitor.ConversationId, doc.Id)).AssertProblemAsync(HttpStatusCode.Conflict, AttachmentErrors.NotReady);

        // On a note, the visitor's copy of the event is left out.
        var note = await service.CreatePendingAsync(ws.Id, visitor.ConversationId, "note-media", "n.pdf", null, CancellationToken.None);
        (await ws.Operator.TrySendAsync(visitor.ConversationId, "note", ["note-media"], isNote: true)).EnsureSuccessStatusCode();
        await service.FailPendingAsync(ws.Id, note.Id, "download_failed", CancellationToken.None);
        var noteEvent = await watcher.WaitAsync(e => e.Type == "attachment.updated" && e.Data.GetProperty("attachment").GetProperty("id").GetInt64() == note.Id);
        Assert.Null((await LoggedEvents.AfterAsync(env.App, ws.Id, noteEvent.Seq - 1)).Single(e => e.Seq == noteEvent.Seq).PublicPayload);
        Assert.Equal(JsonValueKind.Number, noteEvent.Data.GetProperty("conversationId").ValueKind);
    }
}
