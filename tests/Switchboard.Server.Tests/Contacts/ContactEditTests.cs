using System.Net;
using Switchboard.Server.Contacts;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Contacts;

/// <summary>A team member edits a contact's name and email: validated, normalised, one event each, idempotent, live in conversation lists.</summary>
public sealed class ContactEditTests
{
    [Theory, BothDatabases]
    public async Task AnEditIsOneContactEventPlusItsConversationsAndARetryChangesNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var contactId = visitor.Session.ContactId;
        var cursor = await app.CursorAsync(ws.Id);

        var edited = await (await ws.Operator.EditContactAsync(contactId, "edit-1", name: "  Ada Lovelace ", email: " Ada@Example.COM ")).ReadAsync<ContactWriteResponse>();
        Assert.Equal(("Ada Lovelace", "ada@example.com"), (edited.Contact.Name, edited.Contact.Email));
        Assert.False(edited.Replayed);
        var replay = await (await ws.Operator.EditContactAsync(contactId, "edit-1", name: "  Ada Lovelace ", email: " Ada@Example.COM ")).ReadAsync<ContactWriteResponse>();
        Assert.True(replay.Replayed);
        Assert.Equal(edited.Seq, replay.Seq);
        await (await ws.Operator.EditContactAsync(contactId, "edit-1", name: "Someone else")).AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_conflict");
        var same = await (await ws.Operator.EditContactAsync(contactId, "edit-2", name: "Ada Lovelace")).ReadAsync<ContactWriteResponse>();
        Assert.Equal(edited.Contact.Version, same.Contact.Version); // nothing to change: no event

        var events = await LoggedEvents.AfterAsync(app, ws.Id, cursor);
        var contactEvent = Assert.Single(events, e => e.Type == "contact.updated");
        Assert.Null(contactEvent.PublicPayload); // team only
        Assert.Equal("Ada Lovelace", contactEvent.Payload.GetProperty("data").GetProperty("name").GetString());
        Assert.Equal(edited.Seq, contactEvent.Seq);
        var conversationEvent = Assert.Single(events, e => e.Type == "conversation.updated");
        Assert.Equal(visitor.ConversationId, conversationEvent.ConversationId);
        Assert.Equal("contact_updated", conversationEvent.Payload.GetProperty("data").GetProperty("change").GetString());
        Assert.Equal("Ada Lovelace", conversationEvent.Payload.GetProperty("data").GetProperty("conversation").GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal("Ada Lovelace", (await ws.Admin.ContactAsync(contactId)).Name);

        var cleared = await (await ws.Operator.EditContactAsync(contactId, "edit-3", email: "")).ReadAsync<ContactWriteResponse>();
        Assert.Null(cleared.Contact.Email);
    }

    [Theory, BothDatabases]
    public async Task BadEditsAreRefusedAndChangeNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var other = await ws.NewVisitorAsync("Otto");
        await (await ws.Operator.EditContactAsync(other.Session.ContactId, "other-1", email: "otto@example.com")).ReadAsync<ContactWriteResponse>();
        var foreign = await (await TestWorkspace.CreateAsync(app)).NewVisitorAsync();
        var id = visitor.Session.ContactId;
        var cursor = await app.CursorAsync(ws.Id);

        await (await ws.Operator.EditContactAsync(id, "x-1")).AssertProblemAsync(HttpStatusCode.BadRequest, "patch_empty");
        await (await ws.Operator.EditContactAsync(id, "x-2", name: "   ")).AssertProblemAsync(HttpStatusCode.BadRequest, "name_invalid");
        await (await ws.Operator.EditContactAsync(id, "x-3", name: new string('n', 101))).AssertProblemAsync(HttpStatusCode.BadRequest, "name_invalid");
        await (await ws.Operator.EditContactAsync(id, "x-4", name: "Bad\u0000Name")).AssertProblemAsync(HttpStatusCode.BadRequest); // refused before it reaches the store
        foreach (var email in new[] { "nope", "a@b", "@example.com", "a@@example.com", "a b@example.com", "a@example.com\r\nBcc: x@y.z", new string('a', 250) + "@example.com" })
            await (await ws.Operator.EditContactAsync(id, "x-5", email: email)).AssertProblemAsync(HttpStatusCode.BadRequest, "email_invalid");
        await (await ws.Operator.EditContactAsync(id, "x-6", email: "OTTO@example.com")).AssertProblemAsync(HttpStatusCode.Conflict, "contact_email_taken");
        await (await ws.Operator.EditContactAsync(foreign.Session.ContactId, "x-7", name: "Mine now")).AssertProblemAsync(HttpStatusCode.NotFound, "contact_not_found");
        await (await ws.Operator.EditContactAsync(id, "bad id with spaces", name: "Ada")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await visitor.Client.EditContactAsync(id, "x-8", name: "Me")).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Empty(await LoggedEvents.AfterAsync(app, ws.Id, cursor));
        Assert.Equal("Vera Visitor", (await ws.Operator.ContactAsync(id)).Name);
    }

    [Theory, BothDatabases]
    public async Task TheContactFilterListsTheirConversationsNewestFirstByPage(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var first = await ws.NewVisitorAsync("Dana");
        var second = await ws.NewVisitorAsync("Dana again");
        var bystander = await ws.NewVisitorAsync("Someone");
        await (await ws.Admin.MergeContactAsync(first.Session.ContactId, second.Session.ContactId, "m-1")).ReadAsync<ContactWriteResponse>();
        await (await first.SayAsync("hello again")).ReadAsync<System.Text.Json.JsonElement>(HttpStatusCode.Created);

        var page1 = await ws.Operator.ConversationsOfAsync(first.Session.ContactId, limit: 1);
        Assert.Equal(first.ConversationId, Assert.Single(page1.Items).Id); // newest activity first
        var page2 = await ws.Operator.ConversationsOfAsync(first.Session.ContactId, limit: 1, cursor: page1.Next);
        Assert.Equal(second.ConversationId, Assert.Single(page2.Items).Id);
        Assert.Null(page2.Next);
        Assert.DoesNotContain((await ws.Operator.ConversationsOfAsync(first.Session.ContactId)).Items, c => c.Id == bystander.ConversationId);
        // A visitor never lists another contact's conversations, not even their own through the team's filter.
        await (await bystander.Client.GetAsync($"/api/v1/conversations?contactId={first.Session.ContactId}")).AssertProblemAsync(HttpStatusCode.Forbidden, "contact_filter_forbidden");
        await (await bystander.Client.GetAsync($"/api/v1/contacts/{first.Session.ContactId}")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
