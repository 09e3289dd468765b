using System.Net;
using Switchboard.Server.Bots.Faq;
using Switchboard.Server.Common;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Bots;

public sealed class FaqApiTests
{
    [Fact]
    public async Task AdminsEditTheFaqTheTeamReadsItAndTheBotAnswersFromTheLatestVersion()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, bots: true);
        var ws = await TestWorkspace.CreateAsync(app);
        var other = await TestWorkspace.CreateAsync(app);
        using var events = new EventWatcher(app, ws.Id);

        await (await ws.Operator.PostJsonAsync("/api/v1/faq", new { question = "Q?", answer = "A." })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ws.Admin.PostJsonAsync("/api/v1/faq", new { question = " ", answer = "A." })).AssertProblemAsync(HttpStatusCode.BadRequest, "question_invalid");
        var vienna = await (await ws.Admin.PostJsonAsync("/api/v1/faq", new { question = "Do you have a store in Vienna?", answer = "Yes: Mariahilfer Straße 1, open 10–19." }))
            .ReadAsync<FaqEntryResponse>(HttpStatusCode.Created);
        var payments = await (await ws.Admin.PostJsonAsync("/api/v1/faq", new { question = "Which payment methods do you accept?", answer = "Cards and PayPal." }))
            .ReadAsync<FaqEntryResponse>(HttpStatusCode.Created);
        Assert.Equal(2, (await ws.Operator.GetAsync<ItemsResponse<FaqEntryResponse>>("/api/v1/faq")).Items.Count);
        Assert.Empty((await other.Operator.GetAsync<ItemsResponse<FaqEntryResponse>>("/api/v1/faq")).Items);
        await (await other.Operator.GetAsync($"/api/v1/faq/{vienna.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, "faq_entry_not_found");

        // The team can try a question the way the bot would see it.
        var search = await ws.Operator.GetAsync<FaqSearchResponse>("/api/v1/faq/search?q=" + Uri.EscapeDataString("is there a shop in vienna"));
        Assert.True(search.WouldAnswer);
        Assert.Equal(vienna.Id, search.Matches[0].Id);
        Assert.Null(search.ReadAs);
        Assert.Null(search.Matches[0].MatchedSentence);
        // In a longer message the sentence that asks is compared on its own too, and the team sees that it matched.
        var story = await ws.Operator.GetAsync<FaqSearchResponse>("/api/v1/faq/search?q="
            + Uri.EscapeDataString("My card got blocked last week and the new one hasn't come yet. Which other ways can I pay?"));
        Assert.Equal((payments.Id, "Which other ways can I pay?"), (story.Matches[0].Id, story.Matches[0].MatchedSentence));
        // A typo of the FAQ's own word is mended, and the team sees how the bot read the question.
        var typo = await ws.Operator.GetAsync<FaqSearchResponse>("/api/v1/faq/search?q=" + Uri.EscapeDataString("is there a shop in viena"));
        Assert.Equal(("is there a shop in vienna", vienna.Id), (typo.ReadAs, typo.Matches[0].Id));
        Assert.False((await ws.Operator.GetAsync<FaqSearchResponse>("/api/v1/faq/search?q=tell%20me%20a%20joke")).WouldAnswer);

        var first = await ws.NewVisitorAsync();
        await first.WriteAsync("Is there a shop in Vienna?");
        Assert.Equal(vienna.Answer, (await events.BotMessageAsync(first.ConversationId)).Text);

        // An edit moves the FAQ revision: the cached index is rebuilt before the next answer.
        var edited = await (await ws.Admin.PatchJsonAsync($"/api/v1/faq/{vienna.Id}", new { answer = "Yes: Kärntner Straße 5, open 9–20." })).ReadAsync<FaqEntryResponse>();
        Assert.Equal(vienna.Question, edited.Question);
        var second = await ws.NewVisitorAsync("Vera Vienna");
        await second.WriteAsync("Is there a shop in Vienna?");
        Assert.Equal(edited.Answer, (await events.BotMessageAsync(second.ConversationId)).Text);

        // Deleted, the entry is gone for the bot too: the same question now goes to a human.
        Assert.Equal(HttpStatusCode.NoContent, (await ws.Admin.DeleteAsync($"/api/v1/faq/{vienna.Id}")).StatusCode);
        await (await ws.Admin.DeleteAsync($"/api/v1/faq/{vienna.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, "faq_entry_not_found");
        var third = await ws.NewVisitorAsync("Theo Third");
        await third.WriteAsync("Is there a shop in Vienna?");
        Assert.StartsWith("Low confidence", (await events.HandoffAsync(third.ConversationId)).HandoffReason, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task AnEntryCreatedWithPhrasingsKeepsThemAndBadPhrasingsCreateNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var created = await (await ws.Admin.PostJsonAsync("/api/v1/faq", new
        {
            question = "Do you sell gift cards?", answer = "Yes, from 10 to 200 euros.",
            phrasings = new[] { "do you offer gift vouchers", "Do you offer gift vouchers", "can I buy a voucher" },
        })).ReadAsync<FaqEntryResponse>(HttpStatusCode.Created);
        Assert.Equal(["do you offer gift vouchers", "can I buy a voucher"], created.Phrasings);
        Assert.Equal(created.Phrasings, (await (await ws.Admin.GetAsync($"/api/v1/faq/{created.Id}")).ReadAsync<FaqEntryResponse>()).Phrasings);

        var count = (await (await ws.Admin.GetAsync("/api/v1/faq")).ReadAsync<System.Text.Json.JsonElement>()).GetProperty("items").GetArrayLength();
        await (await ws.Admin.PostJsonAsync("/api/v1/faq", new { question = "Q?", answer = "A.", phrasings = Enumerable.Range(0, 51).Select(i => $"way {i}") }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "phrasings_invalid");
        await (await ws.Admin.PostJsonAsync("/api/v1/faq", new { question = "Q?", answer = "A.", phrasings = new[] { " " } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(count, (await (await ws.Admin.GetAsync("/api/v1/faq")).ReadAsync<System.Text.Json.JsonElement>()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task APhrasingTaughtAfterAHandoffIsMatchedLikeTheEntrysOwnQuestion()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var ws = await TestWorkspace.CreateAsync(app);
        var payment = await (await ws.Admin.PostJsonAsync("/api/v1/faq", new { question = "Which payment methods do you accept?", answer = "Cards, PayPal and invoices." }))
            .ReadAsync<FaqEntryResponse>(HttpStatusCode.Created);
        await (await ws.Admin.PostJsonAsync("/api/v1/faq", new { question = "How long does shipping take?", answer = "2–4 days." })).ReadAsync<FaqEntryResponse>(HttpStatusCode.Created);
        const string asked = "can my company settle the bill at the end of the month";
        var before = await ws.Operator.GetAsync<FaqSearchResponse>("/api/v1/faq/search?q=" + Uri.EscapeDataString(asked));

        await (await ws.Operator.PostJsonAsync($"/api/v1/faq/{payment.Id}/phrasings", new { text = asked })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ws.Admin.PostJsonAsync($"/api/v1/faq/{payment.Id}/phrasings", new { text = " " })).AssertProblemAsync(HttpStatusCode.BadRequest, "text_invalid");
        var taught = await (await ws.Admin.PostJsonAsync($"/api/v1/faq/{payment.Id}/phrasings", new { text = asked })).ReadAsync<FaqEntryResponse>();
        Assert.Equal([asked], taught.Phrasings);
        var again = await (await ws.Admin.PostJsonAsync($"/api/v1/faq/{payment.Id}/phrasings", new { text = asked.ToUpperInvariant() })).ReadAsync<FaqEntryResponse>();
        Assert.Equal([asked], again.Phrasings); // taught once

        // The phrasing is embedded with the entry's texts: the same question now matches it as well as its own question
        // would (the question half of the similarity is 1, the other half is the cosine to the question with its answer).
        var after = await ws.Operator.GetAsync<FaqSearchResponse>("/api/v1/faq/search?q=" + Uri.EscapeDataString(asked));
        Assert.Equal(("answer", payment.Id), (after.Decision, after.Matches[0].Id));
        Assert.True(after.Matches[0].Semantic > 0.5, $"semantic {after.Matches[0].Semantic}");
        Assert.True(after.Matches[0].Confidence > before.Matches[0].Confidence);

        var cleared = await (await ws.Admin.PatchJsonAsync($"/api/v1/faq/{payment.Id}", new { phrasings = Array.Empty<string>() })).ReadAsync<FaqEntryResponse>();
        Assert.Empty(cleared.Phrasings);
        Assert.Equal(payment.Answer, cleared.Answer);
    }
}
