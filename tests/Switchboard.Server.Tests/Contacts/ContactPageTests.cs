using System.Net;
using Switchboard.Server.Contacts;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Contacts;

/// <summary>The page a visitor's widget reports: validated, stored on the contact, one team-only event, never shown to a visitor.</summary>
public sealed class ContactPageTests
{
    [Theory, BothDatabases]
    public async Task AReportedPageIsStoredWithAHintAndTheSamePageAgainWritesNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var cursor = await app.CursorAsync(ws.Id);

        var first = await (await visitor.Client.ReportPageAsync("https://shop.example/pricing#plans", "Pricing\n plans")).ReadAsync<PageReportResponse>();
        var again = await (await visitor.Client.ReportPageAsync("https://shop.example/pricing#plans", "Pricing\n plans")).ReadAsync<PageReportResponse>();
        Assert.Equal(first.Seq, again.Seq);

        var page = (await ws.Operator.ContactAsync(visitor.Session.ContactId)).Page!;
        Assert.Equal(("https://shop.example/pricing#plans", "Pricing plans", "de-CH", "Europe/Zurich", "Europe/Zurich · CH"),
            (page.Url, page.Title, page.Language, page.TimeZone, page.LocationHint));
        var logged = Assert.Single(await LoggedEvents.AfterAsync(app, ws.Id, cursor));
        Assert.Equal(("contact.updated", first.Seq), (logged.Type, logged.Seq));
        Assert.Null(logged.PublicPayload);

        // No language region and no time zone: no hint at all, rather than a guess.
        await (await visitor.Client.ReportPageAsync("http://shop.example/", title: new string('t', 500), language: "en", timeZone: null)).ReadAsync<PageReportResponse>();
        page = (await ws.Operator.ContactAsync(visitor.Session.ContactId)).Page!;
        Assert.Null(page.LocationHint);
        Assert.Equal(ContactPages.MaxTitleLength, page.Title!.Length);
    }

    [Theory, BothDatabases]
    public async Task HostileReportsAreRefusedAndChangeNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var cursor = await app.CursorAsync(ws.Id);

        foreach (var url in new[] { "javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.com/", "/relative", "", "https://example.com/" + new string('a', 2100) })
            await (await visitor.Client.ReportPageAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, "page_invalid");
        await (await visitor.Client.ReportPageAsync("https://example.com/", timeZone: "Mars/Olympus")).AssertProblemAsync(HttpStatusCode.BadRequest, "page_invalid");
        await (await visitor.Client.ReportPageAsync("https://example.com/", language: "<script>")).AssertProblemAsync(HttpStatusCode.BadRequest, "page_invalid");
        await (await ws.Operator.ReportPageAsync("https://example.com/")).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Empty(await LoggedEvents.AfterAsync(app, ws.Id, cursor));
        Assert.Null((await ws.Operator.ContactAsync(visitor.Session.ContactId)).Page);
    }

    [Theory, BothDatabases]
    public async Task AVisitorNeverReadsAContactsPanelData(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var other = await ws.NewVisitorAsync("Other");
        var cursor = await app.CursorAsync(ws.Id);

        await (await other.Client.ReportPageAsync("https://shop.example/secret-page")).ReadAsync<PageReportResponse>();
        await (await visitor.Client.ReportPageAsync("https://shop.example/mine")).ReadAsync<PageReportResponse>();
        var edited = await (await ws.Operator.EditContactAsync(visitor.Session.ContactId, "e-1", email: "vera@example.com")).ReadAsync<ContactWriteResponse>();

        // The visitor's stream up to the edit: their conversation's new snapshot, no contact event (their own or another's).
        var frames = await visitor.Client.StreamUpToAsync(cursor, edited.Seq);
        Assert.DoesNotContain(frames, f => f.Type.StartsWith("contact.", StringComparison.Ordinal));
        Assert.DoesNotContain(frames, f => f.Json.Contains("secret-page", StringComparison.Ordinal) || f.Json.Contains("/mine", StringComparison.Ordinal));
        await (await visitor.Client.GetAsync($"/api/v1/contacts/{visitor.Session.ContactId}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await visitor.Client.GetAsync("/api/v1/contacts")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
