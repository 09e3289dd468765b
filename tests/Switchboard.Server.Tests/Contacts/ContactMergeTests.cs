using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Server.Common;
using Switchboard.Server.Contacts;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Widget;

namespace Switchboard.Server.Tests.Contacts;

/// <summary>Merging a duplicate contact: one transaction, everything moves, idempotent, refused across workspaces and into itself.</summary>
public sealed class ContactMergeTests
{
    [Theory, BothDatabases]
    public async Task AMergeMovesConversationsIdentitiesAndMissingAttributesInOneStep(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var kept = await ws.NewVisitorAsync("Visitor");
        var duplicate = await ws.NewVisitorAsync("Dana Duplicate");
        await SetAttributesAsync(kept, new { plan = "free" });
        await SetAttributesAsync(duplicate, new { plan = "pro", company = "Acme" });
        await (await ws.Operator.EditContactAsync(duplicate.Session.ContactId, "dup-email", email: "dana@example.com")).ReadAsync<ContactWriteResponse>();
        var cursor = await app.CursorAsync(ws.Id);

        var merged = await (await ws.Operator.MergeContactAsync(kept.Session.ContactId, duplicate.Session.ContactId, "merge-1")).ReadAsync<ContactWriteResponse>();

        // The kept contact's own values win; its placeholder name and missing email are filled from the duplicate.
        Assert.Equal(("Dana Duplicate", "dana@example.com"), (merged.Contact.Name, merged.Contact.Email));
        Assert.Equal("free", merged.Contact.Attributes!.Value.GetProperty("plan").GetString());
        Assert.Equal("Acme", merged.Contact.Attributes!.Value.GetProperty("company").GetString());
        var listed = await ws.Operator.ConversationsOfAsync(kept.Session.ContactId);
        Assert.Equal(new[] { kept.ConversationId, duplicate.ConversationId }.Order(), listed.Items.Select(c => c.Id).Order());
        Assert.Empty((await ws.Operator.ConversationsOfAsync(duplicate.Session.ContactId)).Items);
        Assert.Equal(kept.Session.ContactId, (await ws.Operator.ContactAsync(duplicate.Session.ContactId)).MergedIntoId);
        Assert.DoesNotContain((await ws.Operator.GetAsync<ItemsResponse<ContactResponse>>("/api/v1/contacts")).Items, c => c.Id == duplicate.Session.ContactId);

        var events = await LoggedEvents.AfterAsync(app, ws.Id, cursor);
        var moved = Assert.Single(events, e => e.ConversationId == duplicate.ConversationId);
        Assert.Equal("contact_merged", moved.Payload.GetProperty("data").GetProperty("change").GetString());
        Assert.Equal(kept.Session.ContactId, moved.Payload.GetProperty("data").GetProperty("conversation").GetProperty("contact").GetProperty("id").GetInt64());
        var mergedEvent = events[^1];
        Assert.Equal(("contact.merged", merged.Seq), (mergedEvent.Type, mergedEvent.Seq));
        Assert.Equal(duplicate.ConversationId, Assert.Single(mergedEvent.Payload.GetProperty("data").GetProperty("conversationIds").EnumerateArray()).GetInt64());
        // The merged-away visitor's copy says only where their session now points.
        Assert.Equal("""{"keptId":""" + kept.Session.ContactId + "}", mergedEvent.PublicPayload!.Value.GetProperty("data").GetRawText());
        Assert.Contains(events, e => e.Type == "contact.updated" && e.PublicPayload is null);
    }

    [Theory, BothDatabases]
    public async Task ARepeatedMergeAnswersTheSameAndWritesNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var kept = await ws.NewVisitorAsync();
        var duplicate = await ws.NewVisitorAsync();
        var first = await (await ws.Operator.MergeContactAsync(kept.Session.ContactId, duplicate.Session.ContactId, "merge-1")).ReadAsync<ContactWriteResponse>();
        var cursor = await app.CursorAsync(ws.Id);

        var replay = await (await ws.Operator.MergeContactAsync(kept.Session.ContactId, duplicate.Session.ContactId, "merge-1")).ReadAsync<ContactWriteResponse>();
        Assert.True(replay.Replayed);
        Assert.Equal(first.Seq, replay.Seq);
        // Another operator (another mutationId, or none) merging the same pair gets the same answer.
        var second = await (await ws.Admin.MergeContactAsync(kept.Session.ContactId, duplicate.Session.ContactId)).ReadAsync<ContactWriteResponse>();
        Assert.True(second.Replayed);
        await (await ws.Operator.MergeContactAsync(kept.Session.ContactId, 424242, "merge-1")).AssertProblemAsync(HttpStatusCode.NotFound, "duplicate_not_found");
        Assert.Empty(await LoggedEvents.AfterAsync(app, ws.Id, cursor));
    }

    [Theory, BothDatabases]
    public async Task BadMergesAreRefusedAndChangeNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var a = await ws.NewVisitorAsync();
        var b = await ws.NewVisitorAsync();
        var c = await ws.NewVisitorAsync();
        var foreign = await (await TestWorkspace.CreateAsync(app)).NewVisitorAsync();
        await (await ws.Operator.MergeContactAsync(a.Session.ContactId, c.Session.ContactId, "setup")).ReadAsync<ContactWriteResponse>();
        var cursor = await app.CursorAsync(ws.Id);

        await (await ws.Operator.MergeContactAsync(a.Session.ContactId, a.Session.ContactId, "x-1")).AssertProblemAsync(HttpStatusCode.BadRequest, "merge_self");
        await (await ws.Operator.MergeContactAsync(a.Session.ContactId, 0, "x-2")).AssertProblemAsync(HttpStatusCode.BadRequest, "duplicate_id_invalid");
        await (await ws.Operator.MergeContactAsync(a.Session.ContactId, foreign.Session.ContactId, "x-3")).AssertProblemAsync(HttpStatusCode.NotFound, "duplicate_not_found");
        await (await ws.Operator.MergeContactAsync(foreign.Session.ContactId, a.Session.ContactId, "x-4")).AssertProblemAsync(HttpStatusCode.NotFound, "contact_not_found");
        await (await ws.Operator.MergeContactAsync(c.Session.ContactId, b.Session.ContactId, "x-5")).AssertProblemAsync(HttpStatusCode.Conflict, "contact_merged");
        await (await ws.Operator.MergeContactAsync(b.Session.ContactId, c.Session.ContactId, "x-6")).AssertProblemAsync(HttpStatusCode.Conflict, "contact_merged");
        await (await b.Client.MergeContactAsync(b.Session.ContactId, a.Session.ContactId, "x-7")).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Empty(await LoggedEvents.AfterAsync(app, ws.Id, cursor));
        Assert.Equal(b.ConversationId, Assert.Single((await ws.Operator.ConversationsOfAsync(b.Session.ContactId)).Items).Id);
        Assert.Equal(foreign.ConversationId, (await foreign.Client.GetAsync<ItemsResponse<Conversations.ConversationResponse>>("/api/v1/conversations")).Items.Single().Id);
    }

    [Theory, BothDatabases]
    public async Task TheMergedAwayVisitorHearsOfItAndTheirSessionResumesAsTheKeptContact(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var kept = await ws.NewVisitorAsync();
        var duplicate = await ws.NewVisitorAsync();
        var cursor = await app.CursorAsync(ws.Id);
        var merged = await (await ws.Operator.MergeContactAsync(kept.Session.ContactId, duplicate.Session.ContactId, "m-1")).ReadAsync<ContactWriteResponse>();

        var frames = await duplicate.Client.StreamUpToAsync(cursor, merged.Seq);
        var heard = Assert.Single(frames, f => f.Type == "contact.merged");
        Assert.Equal(kept.Session.ContactId, heard.Root.GetProperty("data").GetProperty("keptId").GetInt64());
        Assert.DoesNotContain(frames, f => f.Type == "contact.updated");

        // The widget starts its session again with its stored token: it is re-pointed to the kept contact and its conversations.
        var resumed = await (await duplicate.Client.PostJsonAsync("/api/v1/widget/sessions", new { inboxToken = ws.Inbox.PublicToken })).ReadAsync<WidgetSessionResponse>();
        Assert.Equal(kept.Session.ContactId, resumed.ContactId);
        Assert.Contains(resumed.ConversationId!.Value, new[] { kept.ConversationId, duplicate.ConversationId });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", resumed.Token);
        var theirs = await client.GetAsync<ItemsResponse<Conversations.ConversationResponse>>("/api/v1/conversations?snoozed=any");
        Assert.Equal(new[] { kept.ConversationId, duplicate.ConversationId }.Order(), theirs.Items.Select(c => c.Id).Order());
    }

    static async Task SetAttributesAsync(TestVisitor visitor, object attributes) =>
        Assert.Equal(HttpStatusCode.NoContent, (await visitor.Client.PutAsJsonAsync("/api/v1/widget/attributes", new { attributes }, Http.Json)).StatusCode);
}
