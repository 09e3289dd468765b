using System.Text.Json;
using Switchboard.Server.Events;
using Switchboard.Server.Realtime;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// Collects a workspace's committed events from the in-process bus, so a test can wait for the event it expects
/// (bounded) instead of sleeping. Start watching before the action that should cause the event.
/// </summary>
public sealed class EventWatcher : IDisposable
{
    readonly Lock gate = new();
    readonly List<LoggedEvent> events = [];
    readonly IDisposable subscription;
    TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EventWatcher(TestApp app, long workspaceId) =>
        subscription = app.Service<EventBus>().Subscribe(workspaceId, batch =>
        {
            lock (gate)
            {
                events.AddRange(batch.Select(Parse));
                arrived.TrySetResult();
                arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        });

    /// <summary>Waits until an event matching <paramref name="match"/> was committed (or fails after <paramref name="timeout"/>, default 10 s).</summary>
    public async Task<LoggedEvent> WaitAsync(Func<LoggedEvent, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (events.FirstOrDefault(match) is { } found) return found;
                next = arrived.Task;
            }
            try
            {
                await next.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                lock (gate) Assert.Fail($"No matching event within the timeout; saw: {string.Join(", ", events.Select(e => $"{e.Seq}:{e.Type}:{e.Change}"))}");
            }
        }
    }

    public IReadOnlyList<LoggedEvent> Seen
    {
        get { lock (gate) return events.ToList(); }
    }

    static LoggedEvent Parse(StoredEvent e) => new(e.Seq, e.Type, e.ConversationId, JsonDocument.Parse(e.Payload).RootElement.Clone());

    public void Dispose() => subscription.Dispose();
}
