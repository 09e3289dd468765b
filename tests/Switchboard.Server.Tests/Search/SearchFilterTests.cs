using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Search;

public sealed class SearchFilterTests
{
    [Theory, BothDatabases]
    public async Task EveryFilterNarrowsTheHits(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        var mine = await ws.NewVisitorAsync("Mine Person");
        var mineMessage = await mine.SaysAsync("the gizmo broke");
        await ws.Operator.ReplyAsync(mine.ConversationId, "Sorry the gizmo broke, sending a new one"); // takeover: assigned to the operator
        var waiting = await ws.NewVisitorAsync("Bot Person");
        var botMessage = await waiting.SaysAsync("my gizmo is fine");

        async Task<HashSet<long>> ConversationsAsync(string filter) =>
            (await ws.Operator.SearchAsync("gizmo", filter)).Messages.Select(h => h.Conversation.Id).ToHashSet();

        Assert.Equal([mine.ConversationId, waiting.ConversationId], await ConversationsAsync(""));
        Assert.Equal([mine.ConversationId], await ConversationsAsync("&state=waiting_customer"));
        Assert.Equal([mine.ConversationId, waiting.ConversationId], await ConversationsAsync("&state=bot,waiting_customer"));
        Assert.Equal([waiting.ConversationId], await ConversationsAsync("&state=bot"));
        Assert.Equal([mine.ConversationId], await ConversationsAsync("&assignee=me"));
        Assert.Equal([mine.ConversationId], await ConversationsAsync($"&assignee={ws.OperatorId}"));
        Assert.Empty(await ConversationsAsync($"&assignee={ws.AdminId}"));
        Assert.Equal([waiting.ConversationId], await ConversationsAsync("&assignee=none"));
        Assert.Equal([mine.ConversationId, waiting.ConversationId], await ConversationsAsync($"&inboxId={ws.Inbox.Id}"));
        Assert.Empty(await ConversationsAsync($"&inboxId={ws.Inbox.Id + 1000}"));
        var vip = (await (await ws.Admin.PostJsonAsync("/api/v1/labels", new { name = "VIP", colour = "#aa00aa" })).ReadAsync<System.Text.Json.JsonElement>())
            .GetProperty("data").GetProperty("id").GetInt64();
        var other = (await (await ws.Admin.PostJsonAsync("/api/v1/labels", new { name = "Other", colour = "#00aa00" })).ReadAsync<System.Text.Json.JsonElement>())
            .GetProperty("data").GetProperty("id").GetInt64();
        await (await ws.Operator.PostJsonAsync($"/api/v1/conversations/{waiting.ConversationId}/labels", new { mutationId = "vip-1", add = new[] { vip } }))
            .ReadAsync<System.Text.Json.JsonElement>();
        Assert.Equal([waiting.ConversationId], await ConversationsAsync($"&labelId={vip}"));
        Assert.Empty(await ConversationsAsync($"&labelId={other}"));
        Assert.Equal([mine.ConversationId, waiting.ConversationId], await ConversationsAsync($"&from={Uri.EscapeDataString(start.ToString("O"))}"));
        Assert.Empty(await ConversationsAsync($"&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}"));
        Assert.Empty(await ConversationsAsync($"&to={Uri.EscapeDataString(start.ToString("O"))}"));
        // The range applies to the message: the operator's reply is later than the customer's message it follows.
        var between = $"&from={Uri.EscapeDataString(start.ToString("O"))}&to={Uri.EscapeDataString(mineMessage.CreatedAt.AddTicks(10_000).ToString("O"))}";
        Assert.Equal([mineMessage.Id], (await ws.Operator.SearchAsync("gizmo", between)).Messages.Select(h => h.Message.Id));
        Assert.Contains(botMessage.Id, (await ws.Operator.SearchAsync("gizmo", "&state=bot")).Messages.Select(h => h.Message.Id));

        await (await ws.Operator.SearchRawAsync("gizmo", "&state=sleeping")).AssertProblemAsync(System.Net.HttpStatusCode.BadRequest, "state_invalid");
        await (await ws.Operator.SearchRawAsync("gizmo", "&assignee=someone")).AssertProblemAsync(System.Net.HttpStatusCode.BadRequest, "assignee_invalid");
        await (await ws.Operator.SearchRawAsync("gizmo", $"&from={Uri.EscapeDataString(start.ToString("O"))}&to={Uri.EscapeDataString(start.ToString("O"))}"))
            .AssertProblemAsync(System.Net.HttpStatusCode.BadRequest, "search_range_invalid");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await ws.Operator.SearchRawAsync("gizmo", "&from=yesterday")).StatusCode);
    }
}
