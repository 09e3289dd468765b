using System.Diagnostics;
using Switchboard.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>
/// A client that stops reading fills its own queue and is cut off; everyone else keeps receiving live, and the
/// cut-off client resumes from its cursor without loss.
/// </summary>
public sealed class SlowConsumerTests(ITestOutputHelper output)
{
    const int Events = 120;

    [Fact]
    public async Task StalledSseClientIsCutOffWhileOthersKeepUpAndResumesWithoutLoss()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, extra: new()
        {
            ["Realtime:QueueCapacity"] = "8",
            // Long enough for the test to read the goodbye after the cut-off was decided.
            ["Realtime:CloseTimeout"] = "00:00:30",
        });
        using var metrics = new MetricRecorder(app);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var token = ws.Operator.DefaultRequestHeaders.Authorization!.Parameter!;
        var start = await ReceivedLog.HeadAsync(app, ws.Id);

        await using var healthy = await WsStream.ConnectAsync(app, token, start);
        var healthySse = await SseStream.ConnectAsync(await app.LoginAsync(ws.AdminEmail), start);
        // Connected, then never read: the test server's response pipe (64 KB) and then the 8-frame queue fill up.
        var stalled = await SseStream.ConnectAsync(ws.Operator, start);

        // ~2.5 KB per event, so the stalled client's buffers fill within a few dozen events.
        var text = new string('x', 2000);
        var clock = Stopwatch.StartNew();
        var healthyLog = new ReceivedLog(start);
        var healthySseLog = new ReceivedLog(start);
        for (var i = 0; i < Events; i++)
        {
            (await visitor.SayAsync($"{i} {text}")).EnsureSuccessStatusCode();
            // The healthy clients read along: each event arrives while the stalled one is stuck.
            healthyLog.Apply((await healthy.NextEventAsync())!, "websocket");
            healthySseLog.Apply((await healthySse.NextEventAsync())!.Value.Frame, "sse");
        }
        output.WriteLine($"{Events} events written and received live by both healthy clients in {clock.ElapsedMilliseconds} ms");
        await metrics.WaitForAsync("switchboard.realtime.disconnects:slow_consumer", 1, TimeSpan.FromSeconds(10));
        Assert.Equal(1, metrics.Total("switchboard.realtime.disconnects:slow_consumer"));

        // The stalled client reads at last: what was buffered, in order, then the server's goodbye.
        var stalledLog = new ReceivedLog(start);
        string? goodbye = null;
        while (await stalled.NextAsync() is { } next)
        {
            if (next.Event == "disconnect") { goodbye = next.Frame.Json; break; }
            stalledLog.Apply(next.Frame, "stalled");
        }
        Assert.Equal("""{"type":"disconnect","reason":"slow_consumer"}""", goodbye);
        Assert.InRange(stalledLog.Applied.Count, 1, Events - 1);
        Assert.Null(await stalled.NextAsync());
        output.WriteLine($"the stalled client had {stalledLog.Applied.Count} events when it was cut off");
        await stalled.DisposeAsync();

        // Resuming from the last id it saw gives exactly the rest.
        await using var resumed = await SseStream.ConnectAsync(ws.Operator, null, lastEventId: stalledLog.Cursor);
        while (stalledLog.Cursor < healthyLog.Cursor) stalledLog.Apply((await resumed.NextEventAsync())!.Value.Frame, "resumed");
        var last = healthyLog.Cursor;
        await stalledLog.AssertCompleteAsync(app, ws.Id, last, "stalled then resumed");
        await healthyLog.AssertCompleteAsync(app, ws.Id, last, "healthy websocket");
        await healthySseLog.AssertCompleteAsync(app, ws.Id, last, "healthy sse");
        await healthySse.DisposeAsync();
    }
}
