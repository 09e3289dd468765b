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

    [Theory, BothDatabases]
    public async Task TheDotNetSdkAsksForBatchesAndReadsAStatusFloodInOrderWithNothingMissing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        PostMessageResponse? last = null;
        for (var i = 0; i < 120; i++) last = await (await visitor.SayAsync($"question {i}")).ReadAsync<PostMessageResponse>();
        var cursor = await app.CursorAsync(ws.Id);
        await (await ws.Operator.PostJsonAsync($"/api/v1/conversations/{visitor.ConversationId}/receipts", new { status = "read", upToMessageId = last!.Message.Id }))
            .ReadAsync<ConversationWriteResponse>();
        var head = await app.CursorAsync(ws.Id);

        Uri? asked = null;
        var transport = new Switchboard.Client.Streaming.WebSocketTransport(app.Server.BaseAddress, (uri, ct) =>
        {
            asked = uri;
            var client = app.Server.CreateWebSocketClient();
            client.ConfigureRequest = r => r.Headers.Authorization = ws.Operator.DefaultRequestHeaders.Authorization!.ToString();
            return client.ConnectAsync(uri, ct);
        });
        using var stop = new CancellationTokenSource(WsStream.Wait);
        var seqs = new List<long>();
        await foreach (var frame in transport.ReadFramesAsync(cursor, stop.Token))
        {
            if (Switchboard.Client.Streaming.FrameHeader.Read(frame.Span) is { Seq: { } seq, Type: not "cursor" }) seqs.Add(seq);
            if (seqs.Count > 0 && seqs[^1] >= head) break;
        }
        Assert.Contains("frames=batch", asked!.Query);
        Assert.Equal(Enumerable.Range((int)cursor + 1, (int)(head - cursor)).Select(s => (long)s), seqs);
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
