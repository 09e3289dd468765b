using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>
/// Background writers appending events through the real HTTP API while streams are read: visitor and
/// operator messages, internal notes and bot-switch toggles. Bounded in count; stopped by the test.
/// </summary>
public sealed class EventWriters : IAsyncDisposable
{
    readonly CancellationTokenSource stop = new();
    readonly List<Task> writers = [];

    public int Written => written;
    int written;

    EventWriters(TestWorkspace workspace, IReadOnlyList<TestVisitor> visitors, int seed, int maxWritesPerWriter)
    {
        writers.Add(Task.Run(() => RunAsync(seed, maxWritesPerWriter, async (rng, i) =>
        {
            var visitor = visitors[rng.Next(visitors.Count)];
            (await visitor.SayAsync($"visitor message {i}")).EnsureSuccessStatusCode();
        })));
        writers.Add(Task.Run(() => RunAsync(seed + 1, maxWritesPerWriter, async (rng, i) =>
        {
            var conversation = visitors[rng.Next(visitors.Count)].ConversationId;
            var response = rng.Next(4) switch
            {
                0 => await workspace.Operator.PostJsonAsync($"/api/v1/conversations/{conversation}/messages",
                    new { clientMessageId = Guid.NewGuid().ToString("N"), text = $"internal note {i}", isNote = true }),
                1 => await workspace.Operator.PatchJsonAsync($"/api/v1/conversations/{conversation}",
                    new { mutationId = Guid.NewGuid().ToString("N"), botActive = rng.Next(2) == 0 }),
                _ => await workspace.Operator.PostJsonAsync($"/api/v1/conversations/{conversation}/messages",
                    new { clientMessageId = Guid.NewGuid().ToString("N"), text = $"operator reply {i}" }),
            };
            response.EnsureSuccessStatusCode();
        })));
    }

    public static EventWriters Start(TestWorkspace workspace, IReadOnlyList<TestVisitor> visitors, int seed, int maxWritesPerWriter = 5000) =>
        new(workspace, visitors, seed, maxWritesPerWriter);

    async Task RunAsync(int seed, int max, Func<Random, int, Task> write)
    {
        var rng = new Random(seed);
        for (var i = 0; i < max && !stop.IsCancellationRequested; i++)
        {
            await write(rng, i);
            Interlocked.Increment(ref written);
        }
    }

    /// <summary>Stops the writers and surfaces any failure of theirs.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30)); } catch (Exception) { /* already reported by StopAsync, or the test failed first */ }
        stop.Dispose();
    }
}
