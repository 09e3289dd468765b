using System.Net.WebSockets;
using Switchboard.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>
/// DESIGN §1 property 1 (no gap) and 2 (no duplicate) per transport: while writers append through the API,
/// a client connects with its cursor, reads a random number of events, drops the connection in a random
/// way, and resumes, hundreds of times; afterwards it holds exactly every event after its first cursor.
/// The small ring and page make resumes go through the ring, the log and several pages.
/// </summary>
public sealed class ResumeScheduleTests(ITestOutputHelper output)
{
    const int Schedules = 200;

    static readonly Dictionary<string, string?> Settings = new()
    {
        ["Realtime:RingCapacity"] = "32",
        ["Realtime:PageSize"] = "7",
        ["Realtime:PollTimeout"] = "00:00:02",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    [Fact]
    public Task WebSocketResumesWithoutGapOrDuplicate() => RunAsync(DatabaseKind.Sqlite, Schedules, (_, _) => Transport.WebSocket, viewVisitor: false);

    [Fact]
    public Task SseResumesWithoutGapOrDuplicate() => RunAsync(DatabaseKind.Sqlite, Schedules, (_, _) => Transport.Sse, viewVisitor: false);

    [Fact]
    public Task LongPollResumesWithoutGapOrDuplicate() => RunAsync(DatabaseKind.Sqlite, Schedules, (_, _) => Transport.Poll, viewVisitor: false);

    /// <summary>A visitor switching transports at random: the filtered stream resumes exactly, on both databases.</summary>
    [Theory, BothDatabases]
    public Task VisitorResumesAcrossTransportsWithoutGapOrDuplicate(DatabaseKind db) =>
        RunAsync(db, 60, (rng, _) => (Transport)rng.Next(3), viewVisitor: true);

    enum Transport { WebSocket, Sse, Poll }

    async Task RunAsync(DatabaseKind db, int schedules, Func<Random, int, Transport> pick, bool viewVisitor)
    {
        var seed = Seeds.Next();
        output.WriteLine($"seed {seed}");
        await Seeds.RunAsync(seed, async rng =>
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await using var app = await TestApp.StartAsync(db, extra: Settings);
            using var metrics = new MetricRecorder(app);
            var ws = await TestWorkspace.CreateAsync(app);
            var visitors = new[] { await ws.NewVisitorAsync("First"), await ws.NewVisitorAsync("Second") };
            var viewer = viewVisitor ? visitors[0].Client : ws.Operator;
            var token = viewer.DefaultRequestHeaders.Authorization!.Parameter!;
            var contact = viewVisitor ? visitors[0].Session.ContactId : (long?)null;
            var log = new ReceivedLog(await ReceivedLog.HeadAsync(app, ws.Id));
            await using var writers = EventWriters.Start(ws, visitors, seed);
            for (var i = 0; i < schedules; i++)
            {
                // Now and then stay away long enough for the ring (32) to move past the cursor.
                if (rng.Next(10) == 0) await HeadWaiter.WaitAsync(app, ws.Id, log.Cursor + 40);
                var context = $"schedule {i}";
                switch (pick(rng, i))
                {
                    case Transport.WebSocket: await WebSocketScheduleAsync(app, token, log, rng, context); break;
                    case Transport.Sse: await SseScheduleAsync(viewer, log, rng, context); break;
                    case Transport.Poll: await PollScheduleAsync(viewer, log, rng, context); break;
                }
            }
            await writers.StopAsync();

            var head = await ReceivedLog.HeadAsync(app, ws.Id);
            var expected = (await ReceivedLog.ExpectedAsync(app, ws.Id, log.FirstCursor, head, contact)).Count;
            await using (var final = await SseStream.ConnectAsync(viewer, log.Cursor))
                while (log.Applied.Count < expected) log.Apply((await final.NextEventAsync())!.Value.Frame, "final drain");
            await log.AssertCompleteAsync(app, ws.Id, head, "after all schedules", contact);
            output.WriteLine($"{schedules} schedules, {log.Applied.Count} events applied, {writers.Written} writes, " +
                $"ring reads {metrics.Total("switchboard.realtime.events_read:ring")}, database reads {metrics.Total("switchboard.realtime.events_read:database")}, {started.ElapsedMilliseconds} ms");
            Assert.True(metrics.Total("switchboard.realtime.events_read:database") > 0, "no resume went through the log");
        });
    }

    static async Task WebSocketScheduleAsync(TestApp app, string token, ReceivedLog log, Random rng, string context)
    {
        var stream = await WsStream.ConnectAsync(app, token, log.Cursor);
        for (var k = rng.Next(6); k > 0; k--) log.Apply(await stream.NextEventAsync() ?? throw new InvalidOperationException($"{context}: closed"), context);
        switch (rng.Next(3))
        {
            case 0:
                await stream.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).WaitAsync(WsStream.Wait);
                break;
            case 1:
                await stream.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).WaitAsync(WsStream.Wait);
                break;
            default:
                stream.Socket.Abort();
                break;
        }
        await stream.DisposeAsync();
    }

    static async Task SseScheduleAsync(HttpClient viewer, ReceivedLog log, Random rng, string context)
    {
        // EventSource resumes with Last-Event-ID; a fresh page uses ?cursor=. Both must work.
        var byHeader = rng.Next(2) == 0;
        await using var stream = await SseStream.ConnectAsync(viewer, byHeader ? null : log.Cursor, byHeader ? log.Cursor : null);
        for (var k = rng.Next(6); k > 0; k--)
        {
            var (name, frame) = await stream.NextEventAsync() ?? throw new InvalidOperationException($"{context}: ended");
            Assert.Equal(frame.Type, name);
            Assert.Equal((frame.Seq ?? frame.CursorAdvance).ToString(), frame.SseId);
            log.Apply(frame, context);
        }
    }

    static async Task PollScheduleAsync(HttpClient viewer, ReceivedLog log, Random rng, string context)
    {
        var answer = await PollClient.PollAsync(viewer, log.Cursor, limit: rng.Next(1, 6));
        // One answer in five is "lost" on the way: the client polls again with its old cursor.
        if (rng.Next(5) == 0) return;
        foreach (var e in answer.Events) log.Apply(e, context);
        log.Advance(answer.Cursor, context);
    }
}
