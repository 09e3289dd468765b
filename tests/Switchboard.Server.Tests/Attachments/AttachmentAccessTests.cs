using System.Net;
using System.Net.Http.Json;
using Switchboard.Server.Attachments;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Attachments;

/// <summary>Links are given exactly to who may see the message, and a link works only as signed and only until it expires.</summary>
public sealed class AttachmentAccessTests
{
    [Theory, BothDatabases]
    public async Task AVisitorGetsLinksToTheirOwnConversationsFilesOnlyAndNeverToANotesFile(DatabaseKind db)
    {
        await using var env = await AttachmentEnv.StartAsync(db);
        var (ws, visitor) = (env.Workspace, env.Visitor);
        var other = await ws.NewVisitorAsync("Other Visitor");

        var own = await visitor.Client.UploadAsync(visitor.ConversationId, "mine", TestFiles.Pdf, "mine.pdf");
        // Their own upload, not sent yet: theirs to link.
        await visitor.Client.LinkAsync(visitor.ConversationId, own.Id);
        // Another visitor finds neither the conversation nor the file, by either id.
        await (await other.Client.TryLinkAsync(visitor.ConversationId, own.Id)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Client.TryLinkAsync(other.ConversationId, own.Id)).AssertProblemAsync(HttpStatusCode.NotFound, AttachmentErrors.NotFound);
        // Nor can they send it in their own conversation.
        await (await other.Client.TrySendAsync(other.ConversationId, "", ["mine"])).AssertProblemAsync(HttpStatusCode.Conflict, AttachmentErrors.NotUploaded);

        // An operator's upload, sent as an internal note: the team links it, the visitor never does.
        var note = await ws.Operator.UploadAsync(visitor.ConversationId, "note-file", TestFiles.Text("internal"), "internal.txt");
        await (await visitor.Client.TryLinkAsync(visitor.ConversationId, note.Id)).AssertProblemAsync(HttpStatusCode.NotFound);
        // A visitor cannot send the team's upload as theirs.
        await (await visitor.Client.TrySendAsync(visitor.ConversationId, "", ["note-file"])).AssertProblemAsync(HttpStatusCode.Conflict, AttachmentErrors.NotUploaded);
        (await ws.Operator.TrySendAsync(visitor.ConversationId, "for the team", ["note-file"], isNote: true)).EnsureSuccessStatusCode();
        await ws.Operator.LinkAsync(visitor.ConversationId, note.Id);
        await (await visitor.Client.TryLinkAsync(visitor.ConversationId, note.Id)).AssertProblemAsync(HttpStatusCode.NotFound);

        // Sent as a reply, the visitor links it.
        var reply = await ws.Operator.UploadAsync(visitor.ConversationId, "reply-file", TestFiles.Pdf, "manual.pdf");
        await (await visitor.Client.TryLinkAsync(visitor.ConversationId, reply.Id)).AssertProblemAsync(HttpStatusCode.NotFound);
        await ws.Operator.SendAsync(visitor.ConversationId, "Here is the manual", "reply-file");
        var link = await visitor.Client.LinkAsync(visitor.ConversationId, reply.Id);
        Assert.Equal(HttpStatusCode.OK, (await env.App.CreateClient().GetAsync(link.Url)).StatusCode);

        // Teams: once the inbox is a team's the operator is not in, its files are as invisible to them as its conversations.
        var team = (await (await ws.Admin.PostJsonAsync("/api/v1/teams", new { name = "Billing", memberIds = new[] { ws.AdminId } }))
            .ReadAsync<System.Text.Json.JsonElement>()).GetProperty("data").GetProperty("id").GetInt64();
        (await ws.Admin.PutAsJsonAsync($"/api/v1/inboxes/{ws.Inbox.Id}/team", new { teamId = team }, Http.Json)).EnsureSuccessStatusCode();
        var outsider = await env.App.LoginAsync(ws.OperatorEmail);
        await (await outsider.TryLinkAsync(visitor.ConversationId, reply.Id)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.TryUploadAsync(visitor.ConversationId, "outside", TestFiles.Pdf, "x.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
        await ws.Admin.LinkAsync(visitor.ConversationId, reply.Id);
    }

    [Theory, BothDatabases]
    public async Task ATamperedOrExpiredLinkIsRefused(DatabaseKind db)
    {
        var clock = new ManualClock();
        await using var env = await AttachmentEnv.StartAsync(db, clock);
        var (ws, visitor) = (env.Workspace, env.Visitor);
        var a = await visitor.Client.UploadAsync(visitor.ConversationId, "a", TestFiles.Pdf, "a.pdf");
        var b = await visitor.Client.UploadAsync(visitor.ConversationId, "b", TestFiles.Text("b"), "b.txt");
        var link = await visitor.Client.LinkAsync(visitor.ConversationId, a.Id);
        Assert.Equal(clock.GetUtcNow().AddMinutes(15).ToUnixTimeSeconds(), link.ExpiresAt.ToUnixTimeSeconds());
        using var anonymous = env.App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(link.Url)).StatusCode);

        var query = System.Web.HttpUtility.ParseQueryString(link.Url[(link.Url.IndexOf('?') + 1)..]);
        string Url(long id, string v, string exp, string sig) => $"/api/v1/attachments/{id}/content?v={v}&exp={exp}&sig={sig}";
        foreach (var tampered in new[]
        {
            Url(b.Id, "original", query["exp"]!, query["sig"]!),                               // another attachment's id
            Url(a.Id, "thumbnail", query["exp"]!, query["sig"]!),                              // another variant
            Url(a.Id, "original", (long.Parse(query["exp"]!) + 3600).ToString(), query["sig"]!), // a later expiry
            Url(a.Id, "original", query["exp"]!, Forged(query["sig"]!)),                         // a forged signature
            $"/api/v1/attachments/{a.Id}/content",                                              // no signature at all
        })
            await (await anonymous.GetAsync(tampered)).AssertProblemAsync(HttpStatusCode.Forbidden, AttachmentErrors.LinkInvalid);

        clock.Advance(TimeSpan.FromMinutes(15));
        await (await anonymous.GetAsync(link.Url)).AssertProblemAsync(HttpStatusCode.Forbidden, AttachmentErrors.LinkInvalid);
        // A new link works again.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync((await visitor.Client.LinkAsync(visitor.ConversationId, a.Id)).Url)).StatusCode);
    }

    /// <summary>The signature with its first character changed: always a different one, so the forgery never equals the original (a fixed "A" did, one signature in 64).</summary>
    private static string Forged(string signature) => (signature[0] == 'A' ? "B" : "A") + signature[1..];
}
