using System.Net;
using System.Net.Http.Json;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Search;

public sealed class SearchVisibilityTests
{
    [Theory, BothDatabases]
    public async Task NotesAreFoundByTheTeamAndAVisitorCannotSearchAtAll(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        await visitor.SaysAsync("Where is my walrus order?");
        var note = await ws.Operator.ReplyAsync(visitor.ConversationId, "Internal: the walrus supplier is late again", note: true);
        var otherVisitor = await ws.NewVisitorAsync("Nora Neighbour");
        await otherVisitor.SaysAsync("I also ordered a walrus");

        var team = await ws.Operator.SearchAsync("walrus supplier");
        var hit = Assert.Single(team.Messages);
        Assert.Equal(note.Id, hit.Message.Id);
        Assert.True(hit.Message.IsNote);

        // A visitor reaches neither notes nor other conversations: search is the team's only.
        await (await visitor.Client.SearchRawAsync("walrus")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await otherVisitor.Client.SearchRawAsync("walrus")).AssertProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SearchRawAsync("walrus")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task AnotherWorkspaceIsNeverFound(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var a = await TestWorkspace.CreateAsync(app);
        var b = await TestWorkspace.CreateAsync(app);
        var inA = await (await a.NewVisitorAsync("Quentin Quokka")).SaysAsync("quokka sighting in tenant A");
        await (await b.NewVisitorAsync("Quentin Quokka")).SaysAsync("quokka sighting in tenant B");

        var found = await a.Operator.SearchAsync("quokka");

        Assert.Equal([inA.Id], found.Messages.Select(h => h.Message.Id));
        Assert.All(found.Contacts, h => Assert.Equal(a.Inbox.Id, h.Conversation.InboxId));
        Assert.Single(found.Contacts);
    }

    [Theory, BothDatabases]
    public async Task ContactsAreFoundByNameAndEmailAndTheIndexFollowsTheirEdits(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync("Zelda Quux");
        await ws.NewVisitorAsync("Someone Else");

        var byName = await ws.Operator.SearchAsync("quux");
        var hit = Assert.Single(byName.Contacts);
        Assert.Equal(visitor.ConversationId, hit.Conversation.Id);
        Assert.Equal(["Quux"], hit.Snippet.Marked());
        Assert.Empty(byName.Messages);

        // The visitor resumes their session under a new name, then leaves an email: both reach the index with the write.
        await (await visitor.Client.PostJsonAsync("/api/v1/widget/sessions", new { inboxToken = ws.Inbox.PublicToken, name = "Zelda Frobnitz" })).ReadAsync<object>();
        Assert.Empty((await ws.Operator.SearchAsync("quux")).Contacts);
        Assert.Equal(visitor.ConversationId, Assert.Single((await ws.Operator.SearchAsync("frobnitz")).Contacts).Conversation.Id);
        (await visitor.Client.PutAsJsonAsync("/api/v1/widget/email", new { email = "zelda@hyrule.example" })).EnsureSuccessStatusCode();
        var byEmail = await ws.Operator.SearchAsync("zelda@hyrule.example");
        Assert.Equal(visitor.ConversationId, Assert.Single(byEmail.Contacts).Conversation.Id);
        Assert.Equal("Zelda Frobnitz <zelda@hyrule.example>", byEmail.Contacts[0].Snippet.Text);
        Assert.Single((await ws.Operator.SearchAsync("hyrule")).Contacts);
    }
}
