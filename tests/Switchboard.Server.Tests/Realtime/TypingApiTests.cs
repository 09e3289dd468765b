using System.Net;
using System.Net.Http.Json;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>Typing over HTTP: the same signal as the WebSocket frame, for clients that read over SSE or long-poll.</summary>
public sealed class TypingApiTests
{
    [Fact]
    public async Task HttpTypingReachesAnotherConnectionsStream()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var a = await TestWorkspace.CreateAsync(app);
        var v1 = await a.NewVisitorAsync("V1");
        await using var op = await WsStream.ConnectAsync(app, Token(a.Operator), null);
        await using var visitor = await WsStream.ConnectAsync(app, Token(v1.Client), null);

        var sent = await v1.Client.PostAsJsonAsync($"/api/v1/conversations/{v1.ConversationId}/typing", new { state = "start" });
        Assert.Equal(HttpStatusCode.NoContent, sent.StatusCode);
        var seen = (await op.NextMeaningfulAsync())!;
        Assert.Equal($$$"""{"type":"typing","conversationId":{{{v1.ConversationId}}},"actor":{"type":"contact","id":{{{v1.Session.ContactId}}}},"data":{"state":"start"}}""", seen.Json);

        (await a.Operator.PostAsJsonAsync($"/api/v1/conversations/{v1.ConversationId}/typing", new { state = "stop" })).EnsureSuccessStatusCode();
        // An HTTP caller has no connection to leave out, so the visitor also sees its own start first.
        var back = (await visitor.NextMeaningfulAsync())!;
        Assert.Equal("contact", back.Root.GetProperty("actor").GetProperty("type").GetString());
        back = (await visitor.NextMeaningfulAsync())!;
        Assert.Equal(("typing", "member", "stop"), (back.Type, back.Root.GetProperty("actor").GetProperty("type").GetString(), back.Root.GetProperty("data").GetProperty("state").GetString()));
    }

    [Fact]
    public async Task AVisitorSignalsOnlyOnItsOwnConversation()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var a = await TestWorkspace.CreateAsync(app);
        var (v1, v2) = (await a.NewVisitorAsync("V1"), await a.NewVisitorAsync("V2"));
        await using var op = await WsStream.ConnectAsync(app, Token(a.Operator), null);

        var refused = await v2.Client.PostAsJsonAsync($"/api/v1/conversations/{v1.ConversationId}/typing", new { state = "start" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("conversation_not_found", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var invalid = await v2.Client.PostAsJsonAsync($"/api/v1/conversations/{v2.ConversationId}/typing", new { state = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        // The refused typing reached no one: the first signal the team sees is V2's typing in its own conversation.
        (await v2.Client.PostAsJsonAsync($"/api/v1/conversations/{v2.ConversationId}/typing", new { state = "start" })).EnsureSuccessStatusCode();
        var seen = (await op.NextMeaningfulAsync())!;
        Assert.Equal(("typing", v2.ConversationId), (seen.Type, seen.Root.GetProperty("conversationId").GetInt64()));
    }

    [Fact]
    public async Task HttpTypingBeyondTheRateIsRefusedWith429AndRetryAfterAndReachesNobody()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, extra: new() { ["Realtime:SignalsPerSecond"] = "0.001", ["Realtime:SignalBurst"] = "3" });
        var a = await TestWorkspace.CreateAsync(app);
        var v1 = await a.NewVisitorAsync();
        await using var op = await WsStream.ConnectAsync(app, Token(a.Operator), null);
        for (var i = 0; i < 10; i++)
        {
            using var answer = await v1.Client.PostAsJsonAsync($"/api/v1/conversations/{v1.ConversationId}/typing", new { state = "start" });
            if (i < 3)
            {
                Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
                continue;
            }
            Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
            Assert.True(answer.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
            Assert.Contains("rate_limited", await answer.Content.ReadAsStringAsync());
        }
        (await v1.SayAsync("after typing")).EnsureSuccessStatusCode();
        var received = new List<string>();
        while ((await op.NextMeaningfulAsync())!.Type is var type && type != "message.created") received.Add(type);
        Assert.Equal(["typing", "typing", "typing"], received);
    }

    static string Token(HttpClient client) => client.DefaultRequestHeaders.Authorization!.Parameter!;
}
