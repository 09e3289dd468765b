using System.Net.WebSockets;
using Switchboard.Server.EventLog;
using Switchboard.Server.Sync;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>
/// A cursor older than the retained log gets <c>reset</c> on every transport; the client then takes a snapshot
/// and resumes from the snapshot's cursor without missing anything written meanwhile.
/// </summary>
public sealed class ResetTests
{
    [Theory, BothDatabases]
    public async Task TooOldCursorGetsResetThenSnapshotThenEveryLaterEvent(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var oldCursor = await ReceivedLog.HeadAsync(app, ws.Id);
        for (var i = 0; i < 5; i++) (await visitor.SayAsync($"before compaction {i}")).EnsureSuccessStatusCode();

        // Everything written so far falls out of retention.
        var deleted = await app.Service<EventCompactor>().CompactAsync(ws.Id, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        Assert.True(deleted >= 5);
        var head = await ReceivedLog.HeadAsync(app, ws.Id);
        var token = ws.Operator.DefaultRequestHeaders.Authorization!.Parameter!;
        // The reset names the workspace's position when it was decided (presence may have appended since).
        void AssertReset(StreamFrame frame)
        {
            Assert.StartsWith("""{"type":"reset","cursor":""", frame.Json, StringComparison.Ordinal);
            Assert.True(frame.Root.GetProperty("cursor").GetInt64() >= head);
        }

        await using (var socket = await WsStream.ConnectAsync(app, token, oldCursor))
        {
            AssertReset((await socket.NextAsync())!);
            Assert.Null(await socket.NextAsync());
            Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.Socket.CloseStatus);
            Assert.Equal("reset", socket.Socket.CloseStatusDescription);
        }
        await using (var sse = await SseStream.ConnectAsync(ws.Operator, oldCursor))
        {
            var (name, frame) = (await sse.NextAsync())!.Value;
            Assert.Equal(("reset", null), (name, frame.SseId));
            AssertReset(frame);
            Assert.Null(await sse.NextAsync());
        }
        var poll = await PollClient.PollAsync(ws.Operator, oldCursor);
        AssertReset(Assert.Single(poll.Events));
        Assert.Equal(oldCursor, poll.Cursor);
        // A cursor at the bound itself has missed nothing: it resumes normally.
        await using (var atBound = await WsStream.ConnectAsync(app, token, head))
        {
            (await visitor.SayAsync("after compaction")).EnsureSuccessStatusCode();
            Assert.NotEqual("reset", (await atBound.NextEventAsync())!.Type);
        }

        // Reset path: snapshot while writers keep appending, then stream from the snapshot's cursor.
        var writers = EventWriters.Start(ws, [visitor], seed: 7, maxWritesPerWriter: 30);
        var snapshot = await ws.Operator.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot");
        Assert.True(snapshot.Cursor >= head);
        var log = new ReceivedLog(snapshot.Cursor);
        await using var stream = await WsStream.ConnectAsync(app, token, snapshot.Cursor);
        await writers.StopAsync();
        await writers.DisposeAsync();
        var last = await ReceivedLog.HeadAsync(app, ws.Id);
        while (log.Cursor < last) log.Apply((await stream.NextEventAsync())!, "after snapshot");
        await log.AssertCompleteAsync(app, ws.Id, last, "after snapshot");
        Assert.True(log.Applied.Count > 0);
    }

    [Fact]
    public async Task CursorAheadOfTheLogGetsReset()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var ws = await TestWorkspace.CreateAsync(app);
        var head = await ReceivedLog.HeadAsync(app, ws.Id);
        var poll = await PollClient.PollAsync(ws.Operator, head + 1000);
        Assert.Equal("reset", Assert.Single(poll.Events).Type);
    }

    [Fact]
    public async Task CompactionKeepsEventsInsideRetentionAndRaisesMinSeqInSteps()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, extra: new() { ["EventRetention:BatchSize"] = "2" });
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        for (var i = 0; i < 5; i++) (await visitor.SayAsync($"old {i}")).EnsureSuccessStatusCode();
        var compactor = app.Service<EventCompactor>();
        Assert.Equal(0, await compactor.CompactAsync(ws.Id, DateTimeOffset.UtcNow.AddDays(-1), CancellationToken.None));
        Assert.Equal(0, await compactor.CompactAllAsync(CancellationToken.None)); // the default 7 days keeps everything

        var head = await ReceivedLog.HeadAsync(app, ws.Id);
        Assert.Equal((int)head, await compactor.CompactAsync(ws.Id, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None));
        var bounds = await EventLogStore.BoundsAsync(app.Database, ws.Id, CancellationToken.None);
        Assert.Equal(new EventLogStore.Bounds(head, head), bounds);
    }
}
