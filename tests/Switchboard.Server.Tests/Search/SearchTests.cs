using System.Net;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Search;

public sealed class SearchTests
{
    [Theory, BothDatabases]
    public async Task FindsAWordOfAnOldMessageRankedWithAHighlightedSnippet(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var old = await visitor.SaysAsync("My parcel with the order number 4711 never arrived, can you check the Zanzibar warehouse?");
        for (var i = 0; i < 5; i++) await visitor.SaysAsync($"Filler message {i} about nothing in particular");
        var other = await ws.NewVisitorAsync("Walter Other");
        var twice = await other.SaysAsync("Zanzibar, Zanzibar!");

        var found = await ws.Operator.SearchAsync("zanzibar");

        Assert.Equal([twice.Id, old.Id], found.Messages.Select(h => h.Message.Id));
        var hit = found.Messages[1];
        Assert.Equal(visitor.ConversationId, hit.Conversation.Id);
        Assert.Equal("Vera Visitor", hit.Conversation.Contact.Name);
        Assert.Equal(["Zanzibar"], hit.Snippet.Marked());
        Assert.Equal(["Zanzibar", "Zanzibar"], found.Messages[0].Snippet.Marked());
        Assert.Null(found.Next);
    }

    [Theory, BothDatabases]
    public async Task PhrasesExclusionsAndAccentsMeanTheSameOnBothDatabases(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var red = await visitor.SaysAsync("I want the red bicycle, not the blue one");
        var blue = await visitor.SaysAsync("Actually the blue bicycle is nicer");
        var cafe = await visitor.SaysAsync("Meet me at the Café Crème, e-mail me at anna@example.com");

        Assert.Equal([blue.Id], (await ws.Operator.SearchAsync("\"blue bicycle\"")).Messages.Select(h => h.Message.Id));
        Assert.Equal([red.Id], (await ws.Operator.SearchAsync("bicycle -nicer")).Messages.Select(h => h.Message.Id));
        Assert.Equal([blue.Id], (await ws.Operator.SearchAsync("bicycle -\"red bicycle\"")).Messages.Select(h => h.Message.Id));
        Assert.Equal(2, (await ws.Operator.SearchAsync("BICYCLE")).Messages.Count);
        Assert.Empty((await ws.Operator.SearchAsync("bicycle missingword")).Messages);

        var accents = await ws.Operator.SearchAsync("cafe creme");
        Assert.Equal([cafe.Id], accents.Messages.Select(h => h.Message.Id));
        Assert.Equal(["Café", "Crème"], accents.Messages[0].Snippet.Marked());
        // Punctuation inside an address or a host splits words on both databases alike.
        Assert.Equal([cafe.Id], (await ws.Operator.SearchAsync("anna@example.com")).Messages.Select(h => h.Message.Id));
        Assert.Equal([cafe.Id], (await ws.Operator.SearchAsync("example.com")).Messages.Select(h => h.Message.Id));
        Assert.Equal([cafe.Id], (await ws.Operator.SearchAsync("e-mail")).Messages.Select(h => h.Message.Id));
    }

    [Theory, BothDatabases]
    public async Task AnUnquotedWordFindsTheWordsItBeginsAndQuotesAskForTheWordItself(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var plural = await visitor.SaysAsync("Where are my Invoices for March?");
        var exact = await visitor.SaysAsync("One invoice is missing, the one that shipped late");
        var reduced = await visitor.SaysAsync("The price was reduced, then red again");

        var prefix = await ws.Operator.SearchAsync("invoice");
        Assert.Equal([plural.Id, exact.Id], prefix.Messages.Select(h => h.Message.Id).Order());
        Assert.Equal(["Invoices"], prefix.Messages.Single(h => h.Message.Id == plural.Id).Snippet.Marked());
        Assert.Equal([exact.Id], (await ws.Operator.SearchAsync("\"invoice\"")).Messages.Select(h => h.Message.Id));
        Assert.Equal([exact.Id], (await ws.Operator.SearchAsync("ship invoice")).Messages.Select(h => h.Message.Id));
        // Two letters match exactly (a prefix that short would match most of the index); exclusions are exact words.
        Assert.Empty((await ws.Operator.SearchAsync("in march")).Messages);
        Assert.Equal([reduced.Id], (await ws.Operator.SearchAsync("price -reduce")).Messages.Select(h => h.Message.Id));
        Assert.Empty((await ws.Operator.SearchAsync("price -red")).Messages);
    }

    [Theory, BothDatabases]
    public async Task HostileQueriesAnswer200Or400NeverAnError(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var near = await visitor.SaysAsync("NEAR the OR gate and the AND gate, see column:value and star* \"quoted\"");

        string[] hostile =
        [
            "\"unbalanced", "NEAR(gate value)", "gate*", "column:value", "^gate", "gate OR", "AND", "\"\"", "'; DROP TABLE messages; --",
            "a\u0000b\u0007c", "(gate", "gate)", "{gate}", "-", "--gate", "\\\"gate\\\"", "gate & value | star", "!gate", "<->", "gate:*",
            "𝔤𝔞𝔱𝔢 🙂", "\"near\" \"gate", new string('x', 200),
        ];
        foreach (var q in hostile)
        {
            var response = await ws.Operator.SearchRawAsync(q);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{q}: {(int)response.StatusCode}");
            // A NUL in a query string is refused by the server's input guard before search reads it.
            if (response.StatusCode == HttpStatusCode.BadRequest)
                Assert.Contains(await response.AssertProblemAsync(HttpStatusCode.BadRequest), new[] { "search_query_empty", "text_invalid" });
        }
        // Operators are words like any other.
        Assert.Equal([near.Id], (await ws.Operator.SearchAsync("NEAR OR gate AND")).Messages.Select(h => h.Message.Id));
        Assert.Equal([near.Id], (await ws.Operator.SearchAsync("column:value")).Messages.Select(h => h.Message.Id));
        Assert.Equal([near.Id], (await ws.Operator.SearchAsync("\"or gate")).Messages.Select(h => h.Message.Id));

        await (await ws.Operator.SearchRawAsync("")).AssertProblemAsync(HttpStatusCode.BadRequest, "search_query_empty");
        await (await ws.Operator.GetAsync("/api/v1/search")).AssertProblemAsync(HttpStatusCode.BadRequest, "search_query_empty");
        await (await ws.Operator.SearchRawAsync("*** :: ()")).AssertProblemAsync(HttpStatusCode.BadRequest, "search_query_empty");
        await (await ws.Operator.SearchRawAsync("-gate")).AssertProblemAsync(HttpStatusCode.BadRequest, "search_query_empty");
        await (await ws.Operator.SearchRawAsync(new string('x', 201))).AssertProblemAsync(HttpStatusCode.BadRequest, "search_query_too_long");
        await (await ws.Operator.SearchRawAsync(string.Join(' ', Enumerable.Range(0, 17).Select(i => $"w{i}")))).AssertProblemAsync(HttpStatusCode.BadRequest, "search_query_too_long");
        await (await ws.Operator.SearchRawAsync("gate", "&limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit_invalid");
        await (await ws.Operator.SearchRawAsync("gate", "&cursor=bm9wZQ")).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor_invalid");
    }

    [Theory, BothDatabases]
    public async Task PagesWalkEveryHitOnce(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync("Pat Pager");
        var ids = new List<long>();
        for (var i = 0; i < 23; i++) ids.Add((await visitor.SaysAsync($"pagination probe number {i}")).Id);

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ws.Operator.SearchAsync("probe", "&limit=10" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.True(pages == 0 || page.Contacts.Count == 0, "contacts come on the first page only");
            seen.AddRange(page.Messages.Select(h => h.Message.Id));
            cursor = page.Next;
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(ids.OrderDescending(), seen); // equal ranks: newest first
    }
}
