using System.Text.Json;
using Switchboard.Server.Csat;
using Switchboard.Server.Jobs;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.WhatsApp;

namespace Switchboard.Server.Tests.Csat;

/// <summary>CSAT on WhatsApp, through the fake Graph API: a button message out on resolve, a button reply in as the rating.</summary>
public sealed class CsatWhatsAppTests
{
    [Theory, BothDatabases]
    public async Task ResolvingSendsRatingButtonsAndATapRatesWithoutReopeningThenAQuickTextBecomesTheComment(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db);
        await h.DeliverAsync(WhatsAppHarness.Fixture("inbound-text.json"));
        var conversationId = await h.CustomerConversationIdAsync();
        using var watcher = new EventWatcher(h.App, h.Workspace.Id);
        var skip = h.Jobs.Outcomes.Count;

        var request = await watcher.ResolvedRequestAsync(h.Workspace.Operator, conversationId);
        Assert.Equal("whatsapp", request.Channel);
        var ask = await h.Jobs.WaitAsync(o => o.Kind == CsatWhatsApp.AskJobKind, skip: skip);
        Assert.Equal(JobState.Succeeded, ask.State);
        var sent = h.Graph.Requests[^1];
        Assert.Null(sent.Problem);
        Assert.Equal(WhatsAppHarness.CustomerWaId, sent.Body.GetProperty("to").GetString());
        var buttons = sent.Body.GetProperty("interactive").GetProperty("action").GetProperty("buttons").EnumerateArray()
            .Select(b => (b.GetProperty("reply").GetProperty("id").GetString(), b.GetProperty("reply").GetProperty("title").GetString())).ToList();
        Assert.Equal([($"csat:{request.Id}:5", "Good"), ($"csat:{request.Id}:3", "Okay"), ($"csat:{request.Id}:1", "Bad")], buttons);

        // The customer taps "Good": rating 5, and the conversation stays resolved (a tap is no message).
        var tap = ButtonReply($"csat:{request.Id}:5", "Good", "wamid.TAP1");
        await h.DeliverAsync(tap);
        var rated = await watcher.WaitRequestAsync(conversationId, c => c.Rating == 5);
        Assert.Equal((request.Id, (string?)null), (rated.Id, rated.Comment));
        Assert.Equal("resolved", (await h.Workspace.Operator.GetAsync<JsonElement>($"/api/v1/conversations/{conversationId}")).GetProperty("state").GetString());
        // Meta delivers the same tap again, and someone forges a tap on a request that is not theirs: nothing changes.
        var cursor = await h.App.CursorAsync(h.Workspace.Id);
        await h.DeliverAsync(tap);
        await h.DeliverAsync(ButtonReply($"csat:{request.Id + 1000}:1", "Bad", "wamid.TAP2"));
        Assert.Equal(cursor, await h.App.CursorAsync(h.Workspace.Id));

        // A text a minute later becomes the comment, and is a message like any other.
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.DeliverAsync(WhatsAppHarness.Fixture("inbound-text.json").Replace("wamid.HBgL", "wamid.LATER").Replace("Does it come in another color?", "Very quick, thank you"));
        var commented = await watcher.WaitRequestAsync(conversationId, c => c.Comment is not null);
        Assert.Equal((5, "Very quick, thank you"), (commented.Rating, commented.Comment));

        var stats = await h.Workspace.Operator.GetAsync<CsatStatsResponse>("/api/v1/stats/csat");
        Assert.Equal((1L, 5.0), (stats.Total.Count, stats.Total.Average));
    }

    static string ButtonReply(string id, string title, string wamid) => WhatsAppHarness.Fixture("inbound-text.json")
        .Replace("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", wamid)
        .Replace("\"type\":\"text\",\"text\":{\"body\":\"Does it come in another color?\"}",
            $"\"type\":\"interactive\",\"interactive\":{{\"type\":\"button_reply\",\"button_reply\":{{\"id\":\"{id}\",\"title\":\"{title}\"}}}}");
}
