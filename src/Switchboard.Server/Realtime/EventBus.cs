using System.Collections.Concurrent;
using Switchboard.Server.Events;

namespace Switchboard.Server.Realtime;

/// <summary>
/// In-process fan-out of committed events: subscribers of a workspace are called synchronously, in seq
/// order, right after the commit. Subscribers must not block (they hand events to their own queues).
/// </summary>
public sealed class EventBus : IEventPublisher
{
    readonly ConcurrentDictionary<long, ImmutableSubscribers> subscribers = new();

    public IDisposable Subscribe(long workspaceId, Action<IReadOnlyList<StoredEvent>> handler)
    {
        subscribers.AddOrUpdate(workspaceId, _ => new ImmutableSubscribers([handler]), (_, s) => new ImmutableSubscribers([.. s.Handlers, handler]));
        return new Subscription(() => subscribers.AddOrUpdate(workspaceId, _ => new ImmutableSubscribers([]),
            (_, s) => new ImmutableSubscribers([.. s.Handlers.Where(h => h != handler)])));
    }

    public void Publish(long workspaceId, IReadOnlyList<StoredEvent> events)
    {
        if (!subscribers.TryGetValue(workspaceId, out var current)) return;
        foreach (var handler in current.Handlers) handler(events);
    }

    sealed record ImmutableSubscribers(Action<IReadOnlyList<StoredEvent>>[] Handlers);

    sealed class Subscription(Action unsubscribe) : IDisposable
    {
        int disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) unsubscribe();
        }
    }
}
