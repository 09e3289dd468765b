using System.Net.WebSockets;
using System.Text;
using Switchboard.Server.Realtime;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>Typing, presence and bot-thinking signals: live only, to the right viewers, rate-limited, never in the log.</summary>
public sealed class EphemeralSignalTests
{
    [Fact]
    public async Task TypingReachesTheTeamAndTheConversationsVisitorOnly()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var a = await TestWorkspace.CreateAsync(app);
        var b = await TestWorkspace.CreateAsync(app);
        var (v1, v2) = (await a.NewVisitorAsync("V1"), await a.NewVisitorAsync("V2"));
        var head = await ReceivedLog.HeadAsync(app, a.Id);
        await using var op = await WsStream.ConnectAsync(app, Token(a.Operator), null);
        await using var opSse = await SseStream.ConnectAsync(a.Admin, null);
        await using var visitor1 = await WsStream.ConnectAsync(app, Token(v1.Client), null);
        await using var visitor2 = await WsStream.ConnectAsync(app, Token(v2.Client), null);
        await using var otherTeam = await WsStream.ConnectAsync(app, Token(b.Operator), null);

        await visitor1.SendAsync($$"""{"type":"typing","conversationId":{{v1.ConversationId}}}""");
        var seen = (await op.NextMeaningfulAsync())!;
        Assert.Equal($$$"""{"type":"typing","conversationId":{{{v1.ConversationId}}},"actor":{"type":"contact","id":{{{v1.Session.ContactId}}}},"data":{"state":"start"}}""", seen.Json);
        var (name, frame) = (await opSse.NextAsync())!.Value;
        while (name is "member.updated" or "presence") (name, frame) = (await opSse.NextAsync())!.Value;
        Assert.Equal(("typing", null, seen.Json), (name, frame.SseId, frame.Json));

        await op.SendAsync($$"""{"type":"typing","conversationId":{{v1.ConversationId}},"state":"stop"}""");
        Assert.Equal("stop", (await visitor1.NextMeaningfulAsync())!.Root.GetProperty("data").GetProperty("state").GetString());

        // A visitor may not type into someone else's conversation.
        await visitor2.SendAsync($$"""{"type":"typing","conversationId":{{v1.ConversationId}}}""");
        Assert.Equal("conversation_not_found", (await visitor2.NextMeaningfulAsync())!.Root.GetProperty("code").GetString());

        // The server-side API: a bot thinking in V1's conversation.
        app.Service<IEphemeralPublisher>().PublishEphemeral(EphemeralSignals.BotThinkingIn(a.Id, v1.ConversationId, v1.Session.ContactId, a.Inbox.Id, thinking: true));
        Assert.Equal("bot.thinking", (await visitor1.NextMeaningfulAsync())!.Type);
        Assert.Equal("bot.thinking", (await op.NextMeaningfulAsync())!.Type);

        // A durable event after all that: the first thing V2 and the other workspace ever received is this, or nothing.
        (await v2.SayAsync("hello")).EnsureSuccessStatusCode();
        var first = (await visitor2.NextMeaningfulAsync())!;
        Assert.Equal("message.created", first.Type);
        app.Service<IEphemeralPublisher>().PublishEphemeral(EphemeralSignals.MemberPresence(b.Id, b.OperatorId, "online"));
        var presence = (await otherTeam.NextAsync())!;
        while (presence.Type != "presence") presence = (await otherTeam.NextAsync())!;
        // Signals never move the log: nothing was appended for them.
        var events = await ReceivedLog.ExpectedAsync(app, a.Id, head, long.MaxValue);
        Assert.DoesNotContain(events, e => e.Payload.Contains("\"typing\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TypingBeyondTheRateIsDropped()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, extra: new() { ["Realtime:SignalsPerSecond"] = "0.001", ["Realtime:SignalBurst"] = "3" });
        var a = await TestWorkspace.CreateAsync(app);
        var v1 = await a.NewVisitorAsync();
        await using var op = await WsStream.ConnectAsync(app, Token(a.Operator), null);
        await using var visitor = await WsStream.ConnectAsync(app, Token(v1.Client), null);
        for (var i = 0; i < 10; i++) await visitor.SendAsync($$"""{"type":"typing","conversationId":{{v1.ConversationId}}}""");
        await visitor.SendAsync("""{"type":"ping"}""");
        Assert.Equal("pong", (await visitor.NextMeaningfulAsync())!.Type);
        // The ping was handled after all ten typing frames: exactly the burst of three got through, then the message.
        (await v1.SayAsync("after typing")).EnsureSuccessStatusCode();
        var received = new List<string>();
        while ((await op.NextMeaningfulAsync())!.Type is var type && type != "message.created") received.Add(type);
        Assert.Equal(["typing", "typing", "typing"], received);
    }

    [Fact]
    public async Task AClientFrameArrivingInPiecesIsReadWholeAndAnOversizedOneClosesTheStreamWith1009()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var a = await TestWorkspace.CreateAsync(app);
        await using var stream = await WsStream.ConnectAsync(app, Token(a.Operator), null);

        // An idle connection waits with a zero-byte read; a message sent in three fragments still arrives whole.
        var ping = Encoding.UTF8.GetBytes("""{"type":"ping"}""");
        await stream.Socket.SendAsync(ping.AsMemory(0, 3), WebSocketMessageType.Text, false, CancellationToken.None);
        await stream.Socket.SendAsync(ping.AsMemory(3, 5), WebSocketMessageType.Text, false, CancellationToken.None);
        await stream.Socket.SendAsync(ping.AsMemory(8), WebSocketMessageType.Text, true, CancellationToken.None);
        Assert.Equal("pong", (await stream.NextMeaningfulAsync())!.Type);
        await stream.SendAsync("""{"type":"ping"}""");
        Assert.Equal("pong", (await stream.NextMeaningfulAsync())!.Type);

        await stream.SendAsync($$"""{"type":"ping","padding":"{{new string('x', 5000)}}"}""");
        while (await stream.NextAsync() is not null) { }
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, stream.Socket.CloseStatus);
    }

    static string Token(HttpClient client) => client.DefaultRequestHeaders.Authorization!.Parameter!;
}
