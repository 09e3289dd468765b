using System.Net.WebSockets;
using Switchboard.Bench.Load;
using Switchboard.Bench.Report;
using Switchboard.Bench.Targets;

namespace Switchboard.Bench.Scenarios;

/// <summary>The bare WebSocket round trip on this machine: one client, the baseline echoing, one frame in flight.</summary>
public static class EchoRoundTrip
{
    public static async Task RunAsync(BenchOptions options, BenchPaths paths, ResultBook book, CancellationToken cancellationToken)
    {
        var frames = options.Smoke ? 200 : 20_000;
        foreach (var run in Enumerable.Range(1, options.Runs))
        {
            await using var target = await TargetFactory.StartAsync("baseline", paths, options, cancellationToken);
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{target.Nodes[0].Port}/api/v1/stream"), cancellationToken);
            var frame = "{\"type\":\"echo\",\"text\":\"hello\"}"u8.ToArray();
            var buffer = new byte[256];
            var samples = new List<double>(frames);
            for (var i = 0; i < frames + 1000; i++)
            {
                var start = Clock.Now;
                await socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken);
                await socket.ReceiveAsync(buffer, cancellationToken);
                if (i >= 1000) samples.Add(Clock.Ms(start, Clock.Now) * 1000); // the first thousand warm the JIT
            }
            var p = Percentiles.Of(samples);
            book.Add(new ScenarioResult("websocket-echo", "baseline", "1 client, 1 frame in flight")
                .With("round trip p50 µs", p.P50).With("round trip p99 µs", p.P99).With("round trip p99.9 µs", p.P999));
        }
    }
}
