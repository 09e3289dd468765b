using Switchboard.Server.Conversations;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>
/// <c>?frames=batch</c>: the frames queued for a WebSocket go out several per message, one per line, in order, none
/// lost (a browser runs each message as a task of its own; a read receipt's status flood was thousands of them).
/// </summary>
public sealed class BatchedFramesTests
{
    [Theory, BothDatabases]
    public async Task AReceiptsStatusFloodArrivesInFewMessagesInOrderWithNothingMissing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var url = $"/api/v1/conversations/{visitor.ConversationId}";
        PostMessageResponse? last = null;
        for (var i = 0; i < 120; i++) last = await (await visitor.SayAsync($"question {i}")).ReadAsync<PostMessageResponse>();
        var cursor = await app.CursorAsync(ws.Id);
        await (await ws.Operator.PostJsonAsync($"{url}/receipts", new { status = "read", upToMessageId = last!.Message.Id })).ReadAsync<ConversationWriteResponse>();
        var head = await app.CursorAsync(ws.Id);
        Assert.True(head - cursor > 100, $"the receipt wrote {head - cursor} events");

        // Catching up from before the receipt: the log's page of events is queued at once, so it is batched.
        await using var stream = await WsStream.ConnectAsync(app, ws.Operator.DefaultRequestHeaders.Authorization!.Parameter!, cursor, batched: true);
        var seqs = new List<long>();
        var messages = 0;
        while (seqs.Count == 0 || seqs[^1] < head)
        {
            var text = await stream.NextMessageAsync() ?? throw new InvalidOperationException("The server closed the stream.");
            messages++;
            foreach (var line in text.Split('\n'))
                if (StreamFrame.Parse(line) is { IsDurable: true, Seq: { } seq }) seqs.Add(seq);
        }
        Assert.Equal(Enumerable.Range((int)cursor + 1, (int)(head - cursor)).Select(s => (long)s), seqs);
        Assert.True(messages * 10 < seqs.Count, $"{seqs.Count} events in {messages} messages");
    }

    [Fact]
    public async Task AnUnknownFramesValueIsRefused()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var ws = await TestWorkspace.CreateAsync(app);
        var client = app.Server.CreateWebSocketClient();
        client.ConfigureRequest = r => r.Headers.Authorization = ws.Operator.DefaultRequestHeaders.Authorization!.ToString();
        var refused = await Record.ExceptionAsync(() => client.ConnectAsync(new Uri(app.Server.BaseAddress, "api/v1/stream?frames=many"), CancellationToken.None).WaitAsync(WsStream.Wait));
        Assert.NotNull(refused);
    }
}
