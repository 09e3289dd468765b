using System.Diagnostics;
using System.Net;
using Switchboard.Cluster.Tests.Infrastructure;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// A node stopped with SIGTERM, as in a rolling upgrade behind a balancer that probes <c>/readyz</c>: it answers 503 at
/// once, keeps accepting connections for <c>Drain:Delay</c> so the balancer can take it out, then closes its port and
/// exits cleanly. A real process, because only a real one has a port to close and a signal to handle.
/// </summary>
public sealed class DrainTests
{
    static readonly TimeSpan DrainDelay = TimeSpan.FromSeconds(2);
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AStoppingNodeAnswersNotReadyWhileItStillAcceptsForTheDrainDelayThenExitsCleanly()
    {
        var folder = Directory.CreateTempSubdirectory("sb-drain-").FullName;
        await using var database = await ClusterDatabase.CreateAsync();
        await using var node = await SwitchboardNode.StartAsync(database.ConnectionString, folder, $"--Drain:Delay={DrainDelay:c}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var readyz = new Uri($"http://{node.Address}/readyz");
        try
        {
            var stopping = Stopwatch.StartNew();
            node.Child.Terminate();

            // Readiness turns 503 while the node still answers…
            var answers = new List<(HttpStatusCode Status, TimeSpan At)>();
            while (true)
            {
                Assert.True(stopping.Elapsed < Bound, $"the node still accepted connections {Bound} after SIGTERM:\n{node.Tail()}");
                try
                {
                    using var response = await http.GetAsync(readyz);
                    answers.Add((response.StatusCode, stopping.Elapsed));
                    // A real request is still served while draining.
                    using var alive = await http.GetAsync(new Uri($"http://{node.Address}/healthz"));
                    Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
                }
                catch (HttpRequestException)
                {
                    break;
                }
                catch (TaskCanceledException)
                {
                    Assert.Fail($"the node stopped answering without closing its port, {stopping.Elapsed.TotalMilliseconds:F0} ms after SIGTERM:\n{node.Tail()}");
                }
                // A balancer's probe interval, shortened: the loop need not hammer the node and its database.
                await Task.Delay(50, CancellationToken.None);
            }
            var refusedAt = stopping.Elapsed;
            Assert.Contains(answers, a => a.Status == HttpStatusCode.ServiceUnavailable);
            // …once it is stopping, never 200 again (the first probe may still beat the signal)…
            Assert.All(answers.SkipWhile(a => a.Status == HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status));
            // …and the port stays open for the whole delay.
            Assert.True(refusedAt >= DrainDelay, $"the port closed {refusedAt.TotalMilliseconds:F0} ms after SIGTERM, before the {DrainDelay} drain delay");

            using var exited = new CancellationTokenSource(Bound);
            await node.Child.WaitForExitAsync(exited.Token);
            Assert.True(node.Child.ExitCode == 0, $"exit code {node.Child.ExitCode}:\n{node.Tail()}");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
